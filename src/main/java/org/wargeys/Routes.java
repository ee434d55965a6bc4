package org.wargeys;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import org.wargeys.web.PageCache;

/**
 * Every URL of the site in one table (see docs/decisions/0003 for the scheme). Language first;
 * the newsroom will live under /admin and the JSON API under /api/v1.
 */
final class Routes {

    private Routes() {}

    static void register(RoutesConfig routes, Wiring w) {
        PageCache cache = w.pageCache();
        page(routes, "/healthz", w.healthCheck()::check);

        page(routes, "/", w.homePages()::root);
        page(routes, "/{lang}", w.homePages()::addSlash);
        page(routes, "/{lang}/", cache.wrap(w.homePages()::show));
        page(routes, "/{lang}/{year}/{month}/{slug}", cache.wrap(w.articlePages()::show));

        page(routes, "/share-cards/{file}", w.shareCardPages()::show);
        routes.post("/api/v1/shares", w.shareApi()::beacon);
        routes.get("/api/v1/articles/{id}/shares", w.shareApi()::totals);
    }

    // Readers' pages answer HEAD as well as GET (link checkers and caches use it); Jetty drops the body.
    private static void page(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }
}
