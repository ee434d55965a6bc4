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

        page(routes, "/", ctx -> {
            // WordPress's /?p=ID and /?page_id=ID links land here; everything else goes home.
            var moved = ctx.queryString() == null ? java.util.Optional.<String>empty() : w.oldAddresses().find(ctx.path(), ctx.queryString());
            if (moved.isPresent()) ctx.redirect(moved.get(), io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
            else w.homePages().root(ctx);
        });
        page(routes, "/media/wordpress/<path>", w.importedMedia()::show);
        page(routes, "/{lang}", w.homePages()::addSlash);
        page(routes, "/{lang}/", w.homePages()::show);
        page(routes, "/{lang}/{year}/{month}/{slug}", w.articlePages()::show);
    }

    // Readers' pages answer HEAD as well as GET (link checkers and caches use it); Jetty drops the body.
    private static void page(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }
}
