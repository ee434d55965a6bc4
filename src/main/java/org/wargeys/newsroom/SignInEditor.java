package org.wargeys.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wargeys.account.AccountService;
import org.wargeys.account.Session;
import org.wargeys.account.SessionService;
import org.wargeys.account.SignIn;
import org.wargeys.account.Tokens;
import org.wargeys.platform.AuditLog;
import org.wargeys.web.PageRenderer;

/**
 * Sign-in and sign-out: {@code /admin/login}, {@code /admin/logout}, {@code /admin/logout-everywhere}.
 * The sign-in form is protected against login CSRF by a token in a short-lived cookie that the
 * form must echo.
 */
public final class SignInEditor {

    private final AccountService accounts;
    private final SessionService sessions;
    private final AuditLog audit;
    private final StaffGate gate;
    private final NewsroomLayouts layouts;
    private final PageRenderer renderer;
    private final java.util.function.BiConsumer<Long, String> languageChosen;

    SignInEditor(
            AccountService accounts,
            SessionService sessions,
            AuditLog audit,
            StaffGate gate,
            NewsroomLayouts layouts,
            PageRenderer renderer,
            java.util.function.BiConsumer<Long, String> languageChosen) {
        this.languageChosen = languageChosen;
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.gate = gate;
        this.layouts = layouts;
        this.renderer = renderer;
    }

    public void show(Context ctx) {
        StaffGate.noStore(ctx);
        String ui = ctx.queryParam("ui");
        if (ui != null) {
            // The sign-in page's language links: a preference, like Accept-Language, then the page again.
            if (layouts.languages().stream().anyMatch(l -> l.code().equals(ui))) {
                gate.setCookie(ctx, NewsroomLayouts.UI_COOKIE, ui, 365 * 24 * 3600);
            }
            ctx.redirect(
                    "/admin/login?next="
                            + java.net.URLEncoder.encode(
                                    safeNext(ctx.queryParam("next")), java.nio.charset.StandardCharsets.UTF_8)
                            + ("expired".equals(ctx.queryParam("reason")) ? "&reason=expired" : ""),
                    HttpStatus.SEE_OTHER);
            return;
        }
        if (gate.resume(ctx).isPresent()) {
            ctx.redirect(safeNext(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
            return;
        }
        // Sent here because the session ended (timed out, signed out elsewhere): say so, not just "sign in".
        boolean ended = "expired".equals(ctx.queryParam("reason"));
        render(
                ctx,
                200,
                safeNext(ctx.queryParam("next")),
                "",
                ended ? "newsroom.sign_in.session_ended_carry_on" : null);
    }

    /**
     * A sign-in attempt as the page shows it: {@code carried} holds the fields of a form sent after the
     * session ended (in order, repeated names kept), to be sent again once signed in.
     */
    record Attempt(int status, String next, String email, String error, List<Map.Entry<String, String>> carried) {}

    /** The fields of the form being sent, but its (expired) token: what signing in again must not lose. */
    static List<Map.Entry<String, String>> carried(Context ctx) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        ctx.formParamMap().forEach((name, values) -> {
            if (!name.equals(StaffGate.CSRF_FIELD)) values.forEach(v -> fields.add(Map.entry(name, v)));
        });
        return fields;
    }

    private static List<Map.Entry<String, String>> carriedBack(Context ctx) {
        List<String> names = ctx.formParams("carried_name");
        List<String> values = ctx.formParams("carried_value");
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (int i = 0; i < Math.min(names.size(), values.size()); i++) {
            if (!names.get(i).equals(StaffGate.CSRF_FIELD)) fields.add(Map.entry(names.get(i), values.get(i)));
        }
        return fields;
    }

    public void signIn(Context ctx) {
        StaffGate.noStore(ctx);
        String next = safeNext(ctx.formParam("next"));
        String expected = ctx.cookie(StaffGate.SIGN_IN_COOKIE);
        if (expected == null || !Tokens.same(expected, StaffGate.csrfField(ctx))) {
            render(ctx, 403, next, "", "newsroom.sign_in.expired");
            return;
        }
        String email = ctx.formParam("email") == null ? "" : ctx.formParam("email");
        List<Map.Entry<String, String>> carried = carriedBack(ctx);
        SignIn result = accounts.signIn(email, ctx.formParam("password"), gate.address(ctx));
        if (result instanceof SignIn.Accepted accepted) {
            gate.clearCookie(ctx, StaffGate.SIGN_IN_COOKIE);
            SessionService.Started started = restart(ctx, gate, sessions, accepted.user());
            if (!carried.isEmpty() && !accepted.user().mustChangePassword()) {
                // What was sent when the session ended, ready to be sent again under the new session. Not
                // sent by itself: the writer sees that it was not saved yet and sends it (a conflict with
                // a save made meanwhile then shows both versions, as any save does).
                StaffGate.enter(ctx, started.session());
                NewsroomLayout layout = layouts.layout(ctx, "newsroom.resend.title");
                ctx.status(200)
                        .contentType(PageRenderer.HTML)
                        .result(renderer.render(
                                "newsroom/resend.jte",
                                new ResendPage(layout, started.session().csrfToken(), next, carried)));
                return;
            }
            ctx.redirect(accepted.user().mustChangePassword() ? StaffGate.PASSWORD_PAGE : next, HttpStatus.SEE_OTHER);
        } else if (result instanceof SignIn.Throttled) {
            renderSignIn(
                    ctx, gate, layouts, renderer, new Attempt(429, next, email, "newsroom.sign_in.throttled", carried));
        } else {
            renderSignIn(
                    ctx, gate, layouts, renderer, new Attempt(401, next, email, "newsroom.sign_in.refused", carried));
        }
    }

    /** Starts a new session for the user and sets its cookie (a new token at every sign-in and password change). */
    static SessionService.Started restart(
            Context ctx, StaffGate gate, SessionService sessions, org.wargeys.account.User user) {
        SessionService.Started started = sessions.start(user);
        // A browser-session cookie: the server-side timeouts decide how long it is honoured.
        gate.setCookie(ctx, StaffGate.SESSION_COOKIE, started.token(), -1);
        return started;
    }

    /** Sets the newsroom's UI language and goes back to the page the switcher was on. */
    public void chooseLanguage(Context ctx) {
        String code = ctx.formParam("ui");
        if (code != null && layouts.languages().stream().anyMatch(l -> l.code().equals(code))) {
            gate.setCookie(ctx, NewsroomLayouts.UI_COOKIE, code, 365 * 24 * 3600);
            // Their notifications by mail follow the newsroom's language (issue 16).
            languageChosen.accept(StaffGate.session(ctx).user().id(), code);
            // Worded in the language chosen (the next page's): "The newsroom now speaks Somali".
            Flash.set(ctx, gate, "newsroom.flash.language", Map.of("language", nativeName(code)));
        }
        ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    public void signOut(Context ctx) {
        Session session = StaffGate.session(ctx);
        sessions.end(session.tokenHash());
        audit.record(gate.actor(ctx), "logout", null, null);
        gate.clearCookie(ctx, StaffGate.SESSION_COOKIE);
        Flash.set(ctx, gate, "newsroom.flash.signed_out");
        ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
    }

    private String nativeName(String code) {
        return layouts.languages().stream()
                .filter(l -> l.code().equals(code))
                .map(org.wargeys.platform.Language::nativeName)
                .findFirst()
                .orElse(code);
    }

    public void signOutEverywhere(Context ctx) {
        Session session = StaffGate.session(ctx);
        int ended = sessions.endAll(session.user().id());
        audit.record(gate.actor(ctx), "logout.everywhere", null, ended + " sessions");
        gate.clearCookie(ctx, StaffGate.SESSION_COOKIE);
        Flash.set(ctx, gate, "newsroom.flash.signed_out");
        ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, String next, String email, String error) {
        renderSignIn(ctx, gate, layouts, renderer, new Attempt(status, next, email, error, List.of()));
    }

    /** The sign-in page, with a fresh token for its form in a short-lived cookie. */
    static void renderSignIn(
            Context ctx, StaffGate gate, NewsroomLayouts layouts, PageRenderer renderer, Attempt attempt) {
        String token = Tokens.random();
        gate.setCookie(ctx, StaffGate.SIGN_IN_COOKIE, token, 3600);
        NewsroomLayout layout = layouts.layout(ctx, "newsroom.sign_in.title");
        ctx.status(attempt.status())
                .contentType(PageRenderer.HTML)
                .result(renderer.render(
                        "newsroom/sign-in.jte",
                        new SignInPage(
                                layout, token, attempt.next(), attempt.email(), attempt.error(), attempt.carried())));
    }

    /** Only a newsroom path is a place to go back to; anything else (other hosts above all) is ignored. */
    static String safeNext(String next) {
        if (next == null
                || !next.startsWith("/admin")
                || next.startsWith("/admin/login")
                || next.contains("//")
                || next.contains("\\")
                || next.length() > 500) {
            return "/admin";
        }
        return next;
    }
}
