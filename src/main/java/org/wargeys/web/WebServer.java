package org.wargeys.web;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.config.SizeUnit;
import java.util.function.Consumer;
import org.wargeys.platform.ConflictException;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.StorageFailure;
import org.wargeys.platform.ValidationException;

/**
 * The HTTP server: Javalin on Jetty with the plumbing every route shares (request guard, security
 * headers, fingerprinted assets, localized error pages). Features add their routes through the
 * {@code routes} callback. Start once, close once.
 */
public final class WebServer implements AutoCloseable {

    /**
     * Set on a request whose error page is already rendered (a feature's own, such as the newsroom's),
     * so that the site's error handlers for its status leave it alone.
     */
    public static final String ERROR_RENDERED = "wargeys.error-rendered";

    private final Javalin app;
    private RequestTracker tracker;
    private final String host;
    private final int port;

    /** How long a stop waits for the requests in flight to finish. */
    static final long STOP_MILLIS = 10_000;

    /**
     * @param maxMultipartBytes the largest multipart body (all its parts) read; no part may exceed it
     *     either. Jetty stops parsing there, so an oversized upload is never buffered whole.
     */
    public WebServer(
            String host,
            int port,
            ErrorPages errors,
            StaticAssets assets,
            PageCache cache,
            long maxMultipartBytes,
            java.util.Map<String, String> securityHeaders,
            RequestObserver observer,
            Consumer<RoutesConfig> routes) {
        this.host = host;
        this.port = port;
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.generateEtags = false;
            // Pages are compressed once, when the page cache stores them; never again per request.
            config.http.compressionStrategy = io.javalin.compression.CompressionStrategy.NONE;
            // "/en" and "/en/" are different addresses: one is redirected to the other.
            config.router.ignoreTrailingSlashes = false;
            config.http.maxRequestSize = 2_000_000;
            // maxRequestSize covers bodies read whole (forms); multipart bodies are parsed by Jetty
            // as they arrive, within these limits. Parts stay in memory up to 64 KB, beyond that
            // in temporary files that Jetty deletes after the request.
            config.jetty.multipartConfig.maxTotalRequestSize(maxMultipartBytes, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxFileSize(maxMultipartBytes, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(64, SizeUnit.KB);
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new PlainErrorHandler());
                // Javalin attaches its servlet handler inside the innermost wrapper it finds here.
                // Outermost the request id and metrics, then the graceful stop (no new requests; the
                // ones in flight finish), then page-cache hits.
                tracker = new RequestTracker(
                        observer,
                        new org.eclipse.jetty.server.handler.GracefulHandler(
                                new CacheHitHandler(cache, securityHeaders)));
                server.setHandler(tracker);
                server.setStopTimeout(STOP_MILLIS);
            });
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
            });

            config.routes.before(ctx -> {
                securityHeaders.forEach(ctx::header);
                RequestGuard.check(ctx.req().getRequestURI());
            });
            // The route's template names the request in the metrics (never the path: unbounded).
            config.routes.after(ctx -> {
                if (ctx.req().getAttribute(RequestTracker.ATTRIBUTE) instanceof RequestTracker.Tracked tracked) {
                    try {
                        var endpoint = ctx.endpoints().matchedHttpEndpoint();
                        if (endpoint != null) tracked.route = endpoint.path;
                    } catch (RuntimeException e) {
                        // No route matched: the request stays "unmatched".
                    }
                }
            });

            config.routes.get("/assets/{file}", ctx -> {
                var asset =
                        assets.byPath(ctx.path()).orElseThrow(() -> new NotFoundException("No asset " + ctx.path()));
                ctx.header("Cache-Control", "public, max-age=31536000, immutable");
                ctx.header("Vary", "Accept-Encoding");
                var encoded = asset.encoded(ctx.header("Accept-Encoding"));
                if (encoded.coding() != null) ctx.header("Content-Encoding", encoded.coding());
                ctx.header("Content-Length", Integer.toString(encoded.bytes().length));
                ctx.contentType(asset.contentType());
                ctx.result(encoded.bytes());
            });

            routes.accept(config.routes);

            config.routes.exception(BadRequestException.class, (e, ctx) -> {
                ctx.attribute(ERROR_RENDERED, true);
                errors.badRequest(ctx, java.util.List.of(e.problem()));
            });
            config.routes.exception(ValidationException.class, (e, ctx) -> {
                ctx.attribute(ERROR_RENDERED, true);
                errors.badRequest(ctx, e.problems().values());
            });
            config.routes.exception(NotFoundException.class, (e, ctx) -> {
                ctx.attribute(ERROR_RENDERED, true);
                errors.notFound(ctx);
            });
            config.routes.exception(ConflictException.class, (e, ctx) -> {
                ctx.attribute(ERROR_RENDERED, true);
                errors.conflict(ctx, e.problem());
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                ctx.attribute(ERROR_RENDERED, true);
                var storage = StorageFailure.of(e);
                if (storage.isPresent()) errors.unavailable(ctx, storage.get());
                else errors.serverError(ctx, e);
            });

            config.routes.error(404, ctx -> {
                if (ctx.attribute(ERROR_RENDERED) == null) errors.notFound(ctx);
            });
            config.routes.error(405, ctx -> {
                if (ctx.attribute(ERROR_RENDERED) == null) errors.notFound(ctx);
            });
        });
    }

    /**
     * Marks a request as answered with an error of its own (the API's problem details), so that the
     * error pages do not replace it with theirs.
     */
    public static void errorAnswered(io.javalin.http.Context ctx) {
        ctx.attribute(ERROR_RENDERED, true);
    }

    /** Starts listening; returns the actual port (useful with port 0). */
    public int start() {
        app.start(host, port);
        return app.port();
    }

    /** Requests being answered right now. */
    public int inFlight() {
        return tracker == null ? 0 : tracker.inFlight();
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
