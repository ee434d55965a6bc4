package org.wargeys.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.wargeys.account.AccountService;
import org.wargeys.account.Tokens;
import org.wargeys.mail.MailOutbox;
import org.wargeys.mail.OutgoingMail;
import org.wargeys.platform.Site;
import org.wargeys.platform.ValidationException;
import org.wargeys.web.Messages;
import org.wargeys.web.PageRenderer;

/**
 * "Forgot password", open to anyone: {@code /admin/forgot} asks for the address and answers the same
 * whether or not it has an account; the mail (in the newsroom language of the browser that asked)
 * carries a link to {@code /admin/reset?token=…}, which works once, for an hour, and ends every
 * session of the account. Both forms carry the sign-in form's CSRF token (a short-lived cookie).
 */
public final class PasswordResetEditor {

    private final AccountService accounts;
    private final MailOutbox outbox;
    private final Site site;
    private final StaffGate gate;
    private final NewsroomLayouts layouts;
    private final PageRenderer renderer;

    PasswordResetEditor(
            AccountService accounts,
            MailOutbox outbox,
            Site site,
            StaffGate gate,
            NewsroomLayouts layouts,
            PageRenderer renderer) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.site = site;
        this.gate = gate;
        this.layouts = layouts;
        this.renderer = renderer;
    }

    public void show(Context ctx) {
        render(ctx, 200, "ask", null, null);
    }

    public void request(Context ctx) {
        if (!csrf(ctx)) return;
        Messages msg = layouts.messages(ctx);
        accounts.requestPasswordReset(
                ctx.formParam("email"),
                (tx, user, token) -> outbox.queue(
                        tx,
                        new OutgoingMail(
                                "account-password-reset",
                                null,
                                user.email(),
                                msg.language().code(),
                                msg.format("newsroom.reset.mail_subject", Map.of("site", site.name())),
                                msg.format(
                                        "newsroom.reset.mail_text",
                                        Map.of(
                                                "name",
                                                user.displayName(),
                                                "site",
                                                site.name(),
                                                "link",
                                                site.absolute("/admin/reset?token=" + token))),
                                null,
                                Map.of())));
        render(ctx, 200, "sent", null, null);
    }

    public void choose(Context ctx) {
        String token = ctx.queryParam("token");
        if (accounts.passwordResetFor(token).isEmpty()) {
            render(ctx, 410, "invalid", null, null);
            return;
        }
        render(ctx, 200, "choose", token, null);
    }

    public void reset(Context ctx) {
        if (!csrf(ctx)) return;
        String token = ctx.formParam("token");
        try {
            var user = accounts.resetPassword(token, ctx.formParam("password"), ctx.formParam("repeat"));
            if (user.isEmpty()) {
                render(ctx, 410, "invalid", null, null);
                return;
            }
            ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            String error = layouts.messages(ctx)
                    .problem(e.problems().values().iterator().next());
            render(ctx, 400, "choose", token, error);
        }
    }

    /** Choosing a password serves invitations too: its title says only that. */
    public static String title(String step) {
        return step.equals("choose") ? "newsroom.reset.choose_title" : "newsroom.reset.title";
    }

    private boolean csrf(Context ctx) {
        StaffGate.noStore(ctx);
        String expected = ctx.cookie(StaffGate.SIGN_IN_COOKIE);
        if (expected != null && Tokens.same(expected, StaffGate.csrfField(ctx))) return true;
        render(ctx, 403, "ask", null, layouts.messages(ctx).get("newsroom.sign_in.expired"));
        return false;
    }

    private void render(Context ctx, int status, String step, String token, String error) {
        StaffGate.noStore(ctx);
        ctx.header("Referrer-Policy", "no-referrer");
        String csrf = Tokens.random();
        gate.setCookie(ctx, StaffGate.SIGN_IN_COOKIE, csrf, 3600);
        NewsroomLayout layout = layouts.layout(ctx, title(step));
        ctx.status(status)
                .contentType(PageRenderer.HTML)
                .result(renderer.render(
                        "newsroom/password-reset.jte", new PasswordResetPage(layout, csrf, step, token, error)));
    }
}
