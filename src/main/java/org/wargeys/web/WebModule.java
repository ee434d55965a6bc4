package org.wargeys.web;

import io.javalin.config.RoutesConfig;
import java.util.Set;
import java.util.function.Consumer;
import org.wargeys.platform.Platform;

/**
 * The HTTP plumbing the features share: static assets, UI strings, layouts and templates, language
 * negotiation, the page cache with its purge hook, and the health check.
 */
public final class WebModule {

    private final StaticAssets assets = new StaticAssets();
    private final PageRenderer renderer = new PageRenderer();
    private final MessageBundles bundles;
    private final LayoutFactory layouts;
    private final LanguageNegotiation negotiation;
    private final PageCache pageCache;
    private final HealthCheck health;
    private final Platform platform;
    private final PurgeHook cdn;
    private final java.util.Map<String, String> securityHeaders;
    private volatile RequestObserver observer = RequestObserver.NONE;
    private volatile WebServer server;

    public WebModule(Platform platform) {
        this.platform = platform;
        this.bundles = new MessageBundles(platform.site());
        this.layouts = new LayoutFactory(platform.site(), bundles, assets);
        this.negotiation = new LanguageNegotiation(platform.site());
        this.cdn = PurgeHook.to(platform.config().purgeUrl());
        this.securityHeaders = SecurityHeaders.with(
                SecurityHeaders.origin(platform.config().settings().get(org.wargeys.platform.S3Settings.PUBLIC_URL)));
        var cluster = platform.cluster();
        // The node where a change was made tells the CDN; the others only drop their own copies.
        this.pageCache = new PageCache(platform.config().cacheBytes(), platform.clock(), keys -> {
            if (!cluster.replaying()) cdn.purged(keys);
        });
        this.health = new HealthCheck(platform.database(), platform.storage(), platform.readiness());
        platform.events().subscribe(EmptyPageCache.class, e -> pageCache.purge(Set.of(PageCache.EVERY_PAGE)));
        // After a lost line to the other nodes, what they changed meanwhile is unknown.
        cluster.onResync(pageCache::purgeAll);
    }

    public StaticAssets assets() {
        return assets;
    }

    public PageRenderer renderer() {
        return renderer;
    }

    public MessageBundles bundles() {
        return bundles;
    }

    public LayoutFactory layouts() {
        return layouts;
    }

    public LanguageNegotiation negotiation() {
        return negotiation;
    }

    public PageCache pageCache() {
        return pageCache;
    }

    /**
     * The HTTP server on the platform's host and port, with localized error pages.
     *
     * @param moved asked before a 404 page: an old address that moved is redirected instead
     * @param maxMultipartBytes the largest upload body read
     * @param routes registers every URL (the one table in {@code Routes})
     */
    public WebServer server(MovedAddresses moved, long maxMultipartBytes, Consumer<RoutesConfig> routes) {
        ErrorPages errors = new ErrorPages(layouts, renderer, negotiation, moved);
        return server = new WebServer(
                platform.config().host(),
                platform.port(),
                errors,
                assets,
                pageCache,
                maxMultipartBytes,
                securityHeaders,
                (method, route, status, nanos) -> observer.observed(method, route, status, nanos),
                routes);
    }

    /** Requests being answered right now (metrics; a graceful stop waits for them). */
    public int requestsInFlight() {
        WebServer current = server;
        return current == null ? 0 : current.inFlight();
    }

    /** Who is told of every answered request (the metrics); set before the server starts. */
    public void observeRequests(RequestObserver observer) {
        this.observer = observer;
    }

    /** Purges sent to the cache in front of the site, and those that failed. */
    public long purgesSent() {
        return cdn.sent();
    }

    public long purgeFailures() {
        return cdn.failures();
    }

    /** Waits (bounded) for the purges still on their way to the cache in front: part of a graceful stop. */
    public void awaitPurges() {
        cdn.awaitSent(PurgeHook.WAIT);
    }

    /** {@code /healthz}. */
    public HealthCheck health() {
        return health;
    }
}
