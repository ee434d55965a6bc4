package org.wargeys;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;

/**
 * Every URL of the site in one table (see docs/decisions/0003 for the scheme). Language first;
 * the newsroom will live under /admin and the JSON API under /api/v1.
 */
final class Routes {

    private Routes() {}

    static void register(RoutesConfig routes, Wiring w) {
        page(routes, "/healthz", w.healthCheck()::check);

        page(routes, "/", w.homePages()::root);
        page(routes, "/{lang}", w.homePages()::addSlash);
        page(routes, "/{lang}/", w.homePages()::show);
        page(routes, "/{lang}/{year}/{month}/{slug}", w.articlePages()::show);
        page(routes, "/{lang}/search", w.searchPages()::show);
    }

    // Readers' pages answer HEAD as well as GET (link checkers and caches use it); Jetty drops the body.
    private static void page(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }
}
