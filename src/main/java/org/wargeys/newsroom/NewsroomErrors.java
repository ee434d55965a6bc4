package org.wargeys.newsroom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.wargeys.account.Session;
import org.wargeys.platform.Problem;
import org.wargeys.web.Messages;
import org.wargeys.web.PageRenderer;
import org.wargeys.web.WebServer;

/**
 * The newsroom's dead ends as pages: signed out (401), not allowed or a stale form (403), not found
 * (404), a conflict (409), a bad request (400), too large (413). Each is in the newsroom's layout, in
 * the staff member's language, says that nothing was changed and offers a way on (sign in again,
 * reload, back to the desk) and back to the page they came from. The editor's script asks for JSON and
 * gets the same message as JSON. Thread-safe.
 */
final class NewsroomErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NewsroomLayouts layouts;
    private final PageRenderer renderer;

    NewsroomErrors(NewsroomLayouts layouts, PageRenderer renderer) {
        this.layouts = layouts;
        this.renderer = renderer;
    }

    /** For the sign-in page a form sent after its session ended gets (StaffGate). */
    NewsroomLayouts layouts() {
        return layouts;
    }

    PageRenderer renderer() {
        return renderer;
    }

    /** No session: never signed in, or the session ended (timed out, signed out elsewhere, disabled). */
    void signedOut(Context ctx) {
        Messages msg = layouts.messages(ctx);
        String back = back(ctx);
        String signIn = "/admin/login?next=" + URLEncoder.encode(back == null ? "/admin" : back, StandardCharsets.UTF_8)
                + "&reason=expired";
        render(
                ctx,
                401,
                "newsroom.problem.signed_out",
                msg.get("newsroom.problem.signed_out.detail"),
                null,
                signIn,
                msg.get("newsroom.problem.sign_in_again"),
                null);
    }

    /** The staff member's role does not allow what they asked for. */
    void forbidden(Context ctx) {
        Messages msg = layouts.messages(ctx);
        Session session = ctx.attribute(StaffGate.SESSION);
        String role = session == null
                ? ""
                : msg.get("newsroom.role." + session.user().role().code());
        render(
                ctx,
                403,
                "newsroom.problem.forbidden",
                msg.format("newsroom.problem.forbidden.detail", Map.of("role", role)),
                null,
                "/admin",
                msg.get("newsroom.problem.to_desk"),
                back(ctx));
    }

    /** A form whose CSRF token is not the session's: opened before a new sign-in, or not ours. */
    void staleForm(Context ctx) {
        Messages msg = layouts.messages(ctx);
        String back = back(ctx);
        render(
                ctx,
                403,
                "newsroom.problem.stale_form",
                msg.get("newsroom.error.csrf"),
                null,
                back == null ? "/admin" : back,
                msg.get("newsroom.problem.reload"),
                null);
    }

    void notFound(Context ctx) {
        Messages msg = layouts.messages(ctx);
        render(
                ctx,
                404,
                "newsroom.problem.not_found",
                msg.get("newsroom.problem.not_found.detail"),
                null,
                "/admin/articles",
                msg.get("newsroom.problem.to_articles"),
                back(ctx));
    }

    void badRequest(Context ctx, Collection<Problem> reasons) {
        Messages msg = layouts.messages(ctx);
        String back = back(ctx);
        render(
                ctx,
                400,
                "newsroom.problem.bad_request",
                msg.get("newsroom.problem.bad_request.detail"),
                worded(msg, reasons),
                back == null ? "/admin" : back,
                msg.get(back == null ? "newsroom.problem.to_desk" : "newsroom.problem.back"),
                null);
    }

    /**
     * Someone or something changed what the staff member acted on since their page was loaded.
     *
     * @param changed what changed, already worded (the audit log's sentence), or null
     * @param reload the page to load again to see the current state
     */
    void conflict(Context ctx, Problem reason, String changed, String reload) {
        Messages msg = layouts.messages(ctx);
        String text = msg.problem(reason) + (changed == null ? "" : " " + changed);
        render(
                ctx,
                409,
                "newsroom.problem.conflict",
                msg.get("newsroom.problem.conflict.detail"),
                text,
                reload,
                msg.get("newsroom.problem.reload"),
                null);
    }

    void tooLarge(Context ctx, long megabytes) {
        Messages msg = layouts.messages(ctx);
        String back = back(ctx);
        render(
                ctx,
                413,
                "newsroom.problem.bad_request",
                msg.get("newsroom.problem.bad_request.detail"),
                msg.format("newsroom.error.too_large", Map.of("megabytes", megabytes)),
                back == null ? "/admin" : back,
                msg.get("newsroom.problem.back"),
                null);
    }

    /** An account with a one-time password tried something before choosing its own password. */
    void passwordFirst(Context ctx) {
        Messages msg = layouts.messages(ctx);
        render(
                ctx,
                403,
                "newsroom.password.title",
                msg.get("newsroom.password.required"),
                null,
                StaffGate.PASSWORD_PAGE,
                msg.get("newsroom.password.title"),
                null);
    }

    private void render(
            Context ctx,
            int status,
            String headingKey,
            String detail,
            String reason,
            String actionHref,
            String actionLabel,
            String backHref) {
        StaffGate.noStore(ctx);
        NewsroomLayout layout = layouts.layout(ctx, headingKey);
        ctx.status(status);
        // The site's own 404 handler would otherwise replace this page with the readers' one.
        ctx.attribute(WebServer.ERROR_RENDERED, true);
        if (wantsJson(ctx)) {
            try {
                String message = reason == null ? detail : reason;
                ctx.contentType("application/json")
                        .result(JSON.writeValueAsString(Map.of("status", status, "message", message)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        var page = new NewsroomErrorPage(
                layout,
                status,
                layout.title(),
                detail,
                reason,
                actionHref,
                actionLabel,
                backHref == null || backHref.equals(actionHref) ? null : backHref);
        ctx.contentType(PageRenderer.HTML).result(renderer.render("newsroom/error.jte", page));
    }

    private static String worded(Messages msg, Collection<Problem> reasons) {
        if (reasons.isEmpty()) return null;
        return String.join(" ", reasons.stream().map(msg::problem).toList());
    }

    private static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }

    /**
     * The newsroom page the request came from (its Referer, path and query only), or null: a way back
     * that cannot lead off the site or to the sign-in form.
     */
    static String back(Context ctx) {
        String referer = ctx.header("Referer");
        if (referer == null || referer.isBlank()) return null;
        try {
            URI uri = URI.create(referer.strip());
            String path = uri.getRawPath();
            if (path == null) return null;
            String local = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
            String safe = SignInEditor.safeNext(local);
            return safe.equals(local) ? local : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The article page a request about an article came from or concerns, else the desk. */
    static String reloadTarget(Context ctx) {
        String back = back(ctx);
        if (back != null) return back;
        var m = java.util.regex.Pattern.compile("^/admin/articles/(\\d{1,18})").matcher(ctx.path());
        return m.find() ? "/admin/articles/" + m.group(1) : "/admin";
    }

    static List<Problem> problems(Problem problem) {
        return List.of(problem);
    }
}
