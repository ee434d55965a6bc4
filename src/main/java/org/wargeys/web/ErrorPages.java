package org.wargeys.web;

import io.javalin.http.Context;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wargeys.platform.Language;
import org.wargeys.platform.Problem;
import org.wargeys.platform.StorageFailure;

/**
 * Renders 400, 404, 409 and 500 pages in the language of the request: the URL's language prefix if
 * it names a site language, else the reader's Accept-Language. Never shows a stack trace; a 500 is
 * logged with its cause instead.
 */
public final class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    private final LayoutFactory layouts;
    private final PageRenderer renderer;
    private final LanguageNegotiation negotiation;
    private final MovedAddresses moved;
    // When each kind of storage failure was last logged: at most once a minute, not once per request.
    private final java.util.Map<StorageFailure.Kind, Long> lastLogged = new java.util.concurrent.ConcurrentHashMap<>();

    public ErrorPages(LayoutFactory layouts, PageRenderer renderer, LanguageNegotiation negotiation) {
        this(layouts, renderer, negotiation, MovedAddresses.NONE);
    }

    /** @param moved asked before a 404 page: an old address that has moved is redirected instead */
    public ErrorPages(
            LayoutFactory layouts, PageRenderer renderer, LanguageNegotiation negotiation, MovedAddresses moved) {
        this.layouts = layouts;
        this.renderer = renderer;
        this.negotiation = negotiation;
        this.moved = moved;
    }

    public void notFound(Context ctx) {
        String method = ctx.method().name();
        if (method.equals("GET") || method.equals("HEAD")) {
            var target = moved.find(ctx.path(), ctx.queryString());
            if (target.isPresent()) {
                ctx.header("Cache-Control", "public, max-age=3600");
                ctx.redirect(target.get(), io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
                return;
            }
        }
        render(ctx, 404, "error.page_not_found", List.of());
    }

    public void badRequest(Context ctx, Collection<Problem> reasons) {
        render(ctx, 400, "error.bad_request", reasons);
    }

    public void conflict(Context ctx, Problem reason) {
        render(ctx, 409, "error.conflict", List.of(reason));
    }

    /**
     * The database or the disk failed us: a 503 that says what, in the reader's language, with a hint
     * to try again shortly (cached pages keep being served meanwhile). Logged once per kind of failure
     * in a row, not once per request.
     */
    public void unavailable(Context ctx, StorageFailure failure) {
        long now = System.nanoTime();
        Long last = lastLogged.get(failure.kind());
        if (last == null || now - last > java.util.concurrent.TimeUnit.MINUTES.toNanos(1)) {
            lastLogged.put(failure.kind(), now);
            LOG.error("{} {}: storage failure ({})", ctx.method(), ctx.path(), failure.getMessage());
        }
        ctx.header("Retry-After", "30");
        render(ctx, 503, "error.unavailable", List.of(failure.problem()));
    }

    public void serverError(Context ctx, Exception e) {

        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        render(ctx, 500, "error.server_error", List.of());
    }

    /** @param reasons what exactly was wrong, worded in the page's language */
    private void render(Context ctx, int status, String headingKey, Collection<Problem> reasons) {
        Language language = languageOf(ctx);
        Messages messages = layouts.messages(language.code());
        String reason = reasons.isEmpty()
                ? null
                : String.join(" ", reasons.stream().map(messages::problem).toList());
        String heading = messages.get(headingKey);
        String detail = messages.get(headingKey + ".detail");
        Layout layout = layouts.error(language, heading);
        String html;
        try {
            html = renderer.render("error/error.jte", new ErrorPage(layout, status, heading, detail, reason));
        } catch (RuntimeException renderFailure) {
            LOG.error("Rendering the {} page failed", status, renderFailure);
            html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status
                    + "</title></head><body><h1>" + status + "</h1></body></html>";
        }
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(PageRenderer.HTML).result(html);
    }

    private Language languageOf(Context ctx) {
        String path = ctx.path();
        if (path.length() > 1) {
            int end = path.indexOf('/', 1);
            String first = end < 0 ? path.substring(1) : path.substring(1, end);
            var language = layouts.site().language(first);
            if (language.isPresent()) return language.get();
        }
        return negotiation.preferred(ctx.header("Accept-Language"));
    }
}
