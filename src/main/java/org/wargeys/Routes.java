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

        page(routes, "/robots.txt", w.sitemapPages()::robots);
        page(routes, "/sitemap.xml", w.sitemapPages()::index);
        page(routes, "/sitemaps/{file}", w.sitemapPages()::sitemap);
        page(routes, "/", w.homePages()::root);
        page(routes, "/{lang}", w.homePages()::addSlash);
        page(routes, "/{lang}/", w.homePages()::show);
        // Before the article route, which has the same shape: "archive", "section" and "tag" are never a year.
        page(routes, "/{lang}/archive/{year}/{month}", w.archivePages()::month);
        page(routes, "/{lang}/section/{slug}/rss.xml", w.feedPages()::sectionRss);
        page(routes, "/{lang}/section/{slug}/atom.xml", w.feedPages()::sectionAtom);
        page(routes, "/{lang}/tag/{slug}/rss.xml", w.feedPages()::tagRss);
        page(routes, "/{lang}/tag/{slug}/atom.xml", w.feedPages()::tagAtom);
        page(routes, "/{lang}/{year}/{month}/{slug}", w.articlePages()::show);
        page(routes, "/{lang}/search", w.searchPages()::show);
        page(routes, "/{lang}/rss.xml", w.feedPages()::latestRss);
        page(routes, "/{lang}/atom.xml", w.feedPages()::latestAtom);
        page(routes, "/{lang}/section/{slug}", w.archivePages()::section);
        page(routes, "/{lang}/tag/{slug}", w.archivePages()::tag);
        page(routes, "/{lang}/author/{slug}", w.archivePages()::author);
        page(routes, "/{lang}/archive/{year}", w.archivePages()::year);
    }

    // Readers' pages answer HEAD as well as GET (link checkers and caches use it); Jetty drops the body.
    private static void page(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }
}
