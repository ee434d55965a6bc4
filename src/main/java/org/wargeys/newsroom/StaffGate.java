package org.wargeys.newsroom;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.wargeys.account.Session;
import org.wargeys.account.SessionService;
import org.wargeys.account.Tokens;
import org.wargeys.platform.Actor;
import org.wargeys.platform.ConflictException;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.Problem;
import org.wargeys.platform.ValidationException;
import org.wargeys.web.BadRequestException;

/**
 * The door of the newsroom: every {@code /admin} handler but sign-in is wrapped by it. It resumes the
 * session from its cookie, sends anonymous page requests to the sign-in page and refuses anonymous
 * actions (401), and refuses any POST whose CSRF token is not the session's (403). It also sets and
 * clears the newsroom's cookies, which exist only under {@code /admin}. Thread-safe.
 */
public final class StaffGate {

    static final String SESSION_COOKIE = "wargeys_session";
    static final String SIGN_IN_COOKIE = "wargeys_sign_in";
    static final String CSRF_FIELD = "csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String SESSION = "wargeys.session";
    static final String PASSWORD_PAGE = "/admin/password";
    // What an account with a one-time password may reach before choosing its own.
    private static final java.util.Set<String> PASSWORD_FREE =
            java.util.Set.of(PASSWORD_PAGE, "/admin/logout", "/admin/logout-everywhere");

    private final SessionService sessions;
    private final List<String> trustedProxies;
    private final NewsroomErrors errors;
    private final long maxMultipartBytes;
    private volatile ChangeTeller changes = (ctx, articleId) -> null;

    /** Words the last change made to an article, for a conflict page ("Edna published … · 10:02"), or null. */
    @FunctionalInterface
    interface ChangeTeller {
        String lastChange(Context ctx, long articleId);
    }

    /** @param maxMultipartBytes the largest multipart body accepted (the web server's multipart limit) */
    StaffGate(SessionService sessions, List<String> trustedProxies, NewsroomErrors errors, long maxMultipartBytes) {
        this.sessions = sessions;
        this.trustedProxies = List.copyOf(trustedProxies);
        this.errors = errors;
        this.maxMultipartBytes = maxMultipartBytes;
    }

    /** Tells conflict pages what changed (the audit log's last line on the article). */
    void tellChangesWith(ChangeTeller teller) {
        this.changes = teller;
    }

    /** A page (GET): anonymous visitors are sent to sign in and brought back afterwards. */
    public Handler page(Handler handler) {
        return ctx -> {
            noStore(ctx);
            Optional<Session> session = resume(ctx);
            if (session.isEmpty()) {
                // A session cookie that no longer opens a session: it timed out or was ended elsewhere.
                boolean ended = ctx.cookie(SESSION_COOKIE) != null
                        && !ctx.cookie(SESSION_COOKIE).isEmpty();
                if (ended) clearCookie(ctx, SESSION_COOKIE);
                String next = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
                ctx.redirect(
                        "/admin/login?next=" + URLEncoder.encode(SignInEditor.safeNext(next), StandardCharsets.UTF_8)
                                + (ended ? "&reason=expired" : ""),
                        io.javalin.http.HttpStatus.SEE_OTHER);
                return;
            }
            ctx.attribute(SESSION, session.get());
            if (session.get().user().mustChangePassword() && !PASSWORD_FREE.contains(ctx.path())) {
                ctx.redirect(PASSWORD_PAGE, io.javalin.http.HttpStatus.SEE_OTHER);
                return;
            }
            handle(handler, ctx);
        };
    }

    /**
     * Runs a newsroom handler; what it could not do becomes a newsroom page (not the public site's),
     * in the staff member's language, with a way on. A storage failure is left to the site's 503 page.
     */
    private void handle(Handler handler, Context ctx) throws Exception {
        try {
            handler.handle(ctx);
        } catch (NotFoundException e) {
            errors.notFound(ctx);
        } catch (ValidationException e) {
            errors.badRequest(ctx, e.problems().values());
        } catch (BadRequestException e) {
            errors.badRequest(ctx, List.of(e.problem()));
        } catch (ConflictException e) {
            errors.conflict(ctx, e.problem(), lastChange(ctx), NewsroomErrors.reloadTarget(ctx));
        }
    }

    private String lastChange(Context ctx) {
        var m = java.util.regex.Pattern.compile("^/admin/articles/(\\d{1,18})").matcher(ctx.path());
        if (!m.find()) return null;
        try {
            return changes.lastChange(ctx, Long.parseLong(m.group(1)));
        } catch (RuntimeException e) {
            return null; // the conflict page matters more than the detail
        }
    }

    /** Any other newsroom address: a newsroom 404 page for staff (after sign-in for anonymous visitors). */
    public void notFound(Context ctx) {
        errors.notFound(ctx);
    }

    /** An action (POST): refused without a session (401) or without the session's CSRF token (403). */
    public Handler action(Handler handler) {
        return action(handler, null);
    }

    /**
     * An action whose form may carry a file.
     *
     * @param tooLarge answers a multipart body over the limit, which is never read whole (so its CSRF
     *     token is unknown: it must change nothing, only say what went wrong); null for a plain 413
     */
    public Handler action(Handler handler, Handler tooLarge) {
        return ctx -> {
            noStore(ctx);
            Optional<Session> session = resume(ctx);
            if (session.isEmpty()) {
                if (ctx.cookie(SESSION_COOKIE) != null) clearCookie(ctx, SESSION_COOKIE);
                if (resendable(ctx)) {
                    // A form sent from a page whose session ended (no script to save it in the
                    // background): sign in again on the spot, and what was sent comes back to be sent again.
                    SignInEditor.renderSignIn(
                            ctx,
                            this,
                            errors.layouts(),
                            errors.renderer(),
                            new SignInEditor.Attempt(
                                    401, ctx.path(), "", "newsroom.sign_in.session_ended", SignInEditor.carried(ctx)));
                } else {
                    errors.signedOut(ctx);
                }
                return;
            }
            Multipart body = readMultipart(ctx);
            if (body == Multipart.TOO_LARGE) {
                // The rest of the body was not read: the connection cannot carry another request, and a
                // client that is not told so would send its next request down a closed connection.
                ctx.header("Connection", "close");
                ctx.attribute(SESSION, session.get());

                if (tooLarge != null && !session.get().user().mustChangePassword()) {
                    tooLarge.handle(ctx);
                } else {
                    errors.tooLarge(ctx, maxMultipartBytes / (1024 * 1024));
                }
                return;
            }
            if (body == Multipart.BROKEN) {
                refuse(ctx, 400, "newsroom.error.bad_form");
                return;
            }
            String token = ctx.header(CSRF_HEADER);
            if (token == null) token = csrfField(ctx);
            if (!Tokens.same(token, session.get().csrfToken())) {
                refuse(ctx, 403, "newsroom.error.csrf");
                return;
            }
            ctx.attribute(SESSION, session.get());
            if (session.get().user().mustChangePassword() && !PASSWORD_FREE.contains(ctx.path())) {
                refuse(ctx, 403, "newsroom.password.required");
                return;
            }
            handle(handler, ctx);
        };
    }

    /** Makes a session just started the request's own, for the page that answers the sign-in. */
    static void enter(Context ctx, Session session) {
        ctx.attribute(SESSION, session);
    }

    /**
     * A plain form a browser sent, not the editor's script (which asks for JSON and signs in again
     * itself) nor an upload (whose file cannot be carried through the sign-in page).
     */
    private static boolean resendable(Context ctx) {
        String accept = ctx.header("Accept");
        String type = ctx.contentType();
        return (accept == null || !accept.contains("application/json"))
                && type != null
                && type.startsWith("application/x-www-form-urlencoded")
                && SignInEditor.safeNext(ctx.path()).equals(ctx.path());
    }

    private enum Multipart {
        NONE,
        READ,
        TOO_LARGE,
        BROKEN
    }

    /**
     * Parses a multipart body before any handler sees it, within the web server's limits: one that
     * declares a larger length is refused without being parsed or kept, and Jetty stops parsing one
     * that turns out larger (a chunked body), so an oversized upload is never buffered whole.
     */
    private Multipart readMultipart(Context ctx) {
        if (!ctx.isMultipartFormData()) return Multipart.NONE;
        if (ctx.req().getContentLengthLong() > maxMultipartBytes) {
            discardRest(ctx);
            return Multipart.TOO_LARGE;
        }
        try {
            ctx.formParamMap();
            return Multipart.READ;
        } catch (Exception e) {
            // Jetty says "max length exceeded" deep in the cause chain; anything else is a broken body.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t.getMessage() != null && t.getMessage().contains("exceeded")) {
                    discardRest(ctx);
                    return Multipart.TOO_LARGE;
                }
            }
            return Multipart.BROKEN;
        }
    }

    /**
     * Reads and drops what is left of a refused body, up to as much again as the limit, keeping none
     * of it. Why: a browser (or client) still sending a photo a little over the limit does not read an
     * answer given while it writes; the connection is reset and the reader sees a network error
     * instead of the page that says the file is too large. Past that much, the connection is simply
     * closed after the answer: nobody uploads 20 MB by mistake.
     */
    private void discardRest(Context ctx) {
        byte[] buffer = new byte[64 * 1024];
        long left = maxMultipartBytes;
        try (var in = ctx.req().getInputStream()) {
            for (int n = in.read(buffer); n >= 0 && left > 0; n = in.read(buffer)) left -= n;
        } catch (java.io.IOException | RuntimeException e) {
            // The body may already be consumed or broken; the answer is the same.
        }
    }

    /** The session of a request that passed the gate. */
    static Session session(Context ctx) {
        Session session = ctx.attribute(SESSION);
        if (session == null) throw new IllegalStateException("No session: the handler is not behind the gate");
        return session;
    }

    /** The staff member behind a request that passed the gate, as the audit log names them. */
    Actor actor(Context ctx) {
        var user = session(ctx).user();
        return new Actor(user.id(), user.email(), address(ctx));
    }

    Optional<Session> resume(Context ctx) {
        return sessions.resume(ctx.cookie(SESSION_COOKIE));
    }

    /** Refuses the request with a newsroom page (or JSON, for the editor's script) that says why. */
    void refuse(Context ctx, int status, String messageKey) {
        switch (status) {
            case 401 -> errors.signedOut(ctx);
            case 403 -> {
                if (messageKey.equals("newsroom.error.csrf")) errors.staleForm(ctx);
                else if (messageKey.equals("newsroom.password.required")) errors.passwordFirst(ctx);
                else errors.forbidden(ctx);
            }
            case 404 -> errors.notFound(ctx);
            case 409 -> errors.conflict(ctx, Problem.of(messageKey), null, NewsroomErrors.reloadTarget(ctx));
            default -> errors.badRequest(ctx, List.of(Problem.of(messageKey)));
        }
    }

    /**
     * The client's network address: the connection's peer, or, when that peer is a trusted proxy, the
     * last address the proxy added to X-Forwarded-For.
     */
    String address(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        String forwarded = ctx.header("X-Forwarded-For");
        if (trustedProxies.contains(peer) && forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        return peer;
    }

    /** True when the browser reached us over HTTPS, directly or through a trusted proxy. */
    boolean secure(Context ctx) {
        if ("https".equalsIgnoreCase(ctx.req().getScheme())) return true;
        return trustedProxies.contains(ctx.req().getRemoteAddr())
                && "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    /** Sets a newsroom cookie: path /admin, HttpOnly, SameSite=Lax, Secure over HTTPS; -1 max age for a browser session. */
    void setCookie(Context ctx, String name, String value, int maxAgeSeconds) {
        StringBuilder cookie =
                new StringBuilder(name).append('=').append(value).append("; Path=/admin; HttpOnly; SameSite=Lax");
        if (maxAgeSeconds >= 0) cookie.append("; Max-Age=").append(maxAgeSeconds);
        if (secure(ctx)) cookie.append("; Secure");
        ctx.res().addHeader("Set-Cookie", cookie.toString());
    }

    void clearCookie(Context ctx, String name) {
        setCookie(ctx, name, "", 0);
    }

    static String csrfField(Context ctx) {
        // Only urlencoded and multipart bodies carry form fields; anything else has no token.
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data"))
            return null;
        return ctx.formParam(CSRF_FIELD);
    }

    static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
    }
}
