package org.wargeys;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import org.wargeys.newsroom.StaffGate;
import org.wargeys.web.PageCache;

/**
 * Every URL of the site in one table (see docs/decisions/0003 for the scheme). Language first;
 * the newsroom will live under /admin and the JSON API under /api/v1.
 */
final class Routes {

    private Routes() {}

    static void register(RoutesConfig routes, Wiring w) {
        // First: Javalin takes the first matching route, and /{lang}/... would otherwise match /admin/...
        // The newsroom. Sign-in is the only /admin route open to anonymous visitors.
        routes.get("/admin/login", w.signIn()::show);
        routes.post("/admin/login", w.signIn()::signIn);
        StaffGate gate = w.newsroom().gate();
        for (AdminRoute route : newsroom(w)) {
            if (route.method() == HandlerType.GET) {
                routes.get(route.path(), gate.page(route.handler()));
            } else {
                routes.post(route.path(), gate.action(route.handler(), route.tooLarge()));
            }
        }

        PageCache cache = w.pageCache();
        page(routes, "/healthz", w.healthCheck()::check);
        page(routes, "/media/{file}", w.mediaFiles()::show);

        page(routes, "/robots.txt", w.sitemapPages()::robots);
        page(routes, "/sitemap.xml", cache.wrap(w.sitemapPages()::index));
        page(routes, "/sitemaps/{file}", cache.wrap(w.sitemapPages()::sitemap));
        page(routes, "/", ctx -> {
            // WordPress's /?p=ID and /?page_id=ID links land here; everything else goes home.
            var moved = ctx.queryString() == null
                    ? java.util.Optional.<String>empty()
                    : w.oldAddresses().find(ctx.path(), ctx.queryString());
            if (moved.isPresent()) ctx.redirect(moved.get(), io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
            else w.homePages().root(ctx);
        });
        page(routes, "/media/wordpress/<path>", w.importedMedia()::show);
        page(routes, "/{lang}", w.homePages()::addSlash);
        page(routes, "/{lang}/", cache.wrap(w.homePages()::show));
        // Before the article route, which has the same shape: "archive", "section" and "tag" are never a year.
        page(routes, "/{lang}/archive/{year}/{month}", cache.wrap(w.archivePages()::month));
        page(routes, "/{lang}/section/{slug}/rss.xml", cache.wrap(w.feedPages()::sectionRss));
        page(routes, "/{lang}/section/{slug}/atom.xml", cache.wrap(w.feedPages()::sectionAtom));
        page(routes, "/{lang}/tag/{slug}/rss.xml", cache.wrap(w.feedPages()::tagRss));
        page(routes, "/{lang}/tag/{slug}/atom.xml", cache.wrap(w.feedPages()::tagAtom));
        page(routes, "/{lang}/{year}/{month}/{slug}", cache.wrap(w.articlePages()::show));
        page(routes, "/{lang}/search", w.searchPages()::show);
        page(routes, "/{lang}/rss.xml", cache.wrap(w.feedPages()::latestRss));
        page(routes, "/{lang}/atom.xml", cache.wrap(w.feedPages()::latestAtom));
        page(routes, "/{lang}/section/{slug}", cache.wrap(w.archivePages()::section));
        page(routes, "/{lang}/tag/{slug}", cache.wrap(w.archivePages()::tag));
        page(routes, "/{lang}/author/{slug}", cache.wrap(w.archivePages()::author));
        page(routes, "/{lang}/archive/{year}", cache.wrap(w.archivePages()::year));

        page(routes, "/share-cards/{file}", w.shareCardPages()::show);
        routes.post("/api/v1/shares", w.shareApi()::beacon);
        routes.get("/api/v1/articles/{id}/shares", w.shareApi()::totals);
    }

    /**
     * A newsroom URL; each is behind the {@link StaffGate} (a session, and the CSRF token on POST).
     * {@code tooLarge}, for an upload form, answers a body over the multipart limit (null: a plain 413).
     */
    record AdminRoute(HandlerType method, String path, Handler handler, Handler tooLarge) {
        AdminRoute(HandlerType method, String path, Handler handler) {
            this(method, path, handler, null);
        }
    }

    static List<AdminRoute> newsroom(Wiring w) {
        var list = w.articleListEditor();
        var editor = w.articleEditor();
        var workflow = w.workflowEditor();
        var revisions = w.revisionEditor();
        var users = w.userEditor();
        return List.of(
                new AdminRoute(HandlerType.GET, "/admin", list::home),
                new AdminRoute(HandlerType.GET, "/admin/articles", list::list),
                new AdminRoute(HandlerType.GET, "/admin/articles/new", editor::newForm),
                new AdminRoute(HandlerType.POST, "/admin/articles", editor::create),
                new AdminRoute(HandlerType.POST, "/admin/preview", editor::preview),
                new AdminRoute(HandlerType.GET, "/admin/articles/{id}", editor::show),
                new AdminRoute(HandlerType.POST, "/admin/articles/{id}", editor::save),
                new AdminRoute(HandlerType.POST, "/admin/articles/{id}/autosave", editor::autosave),
                new AdminRoute(HandlerType.POST, "/admin/articles/{id}/workflow", workflow::step),
                new AdminRoute(HandlerType.POST, "/admin/articles/{id}/translations", workflow::translate),
                new AdminRoute(HandlerType.POST, "/admin/articles/{id}/corrections", workflow::correct),
                new AdminRoute(HandlerType.GET, "/admin/articles/{id}/revisions", revisions::list),
                new AdminRoute(
                        HandlerType.POST, "/admin/articles/{id}/revisions/{revision}/restore", revisions::restore),
                new AdminRoute(HandlerType.GET, "/admin/media", w.mediaEditor()::list),
                new AdminRoute(HandlerType.POST, "/admin/media", w.mediaEditor()::upload, w.mediaEditor()::tooLarge),
                new AdminRoute(HandlerType.POST, "/admin/media/{id}", w.mediaEditor()::describe),
                new AdminRoute(HandlerType.GET, "/admin/taxonomy", w.taxonomyEditor()::list),
                new AdminRoute(HandlerType.POST, "/admin/taxonomy", w.taxonomyEditor()::define),
                new AdminRoute(HandlerType.GET, "/admin/users", users::list),
                new AdminRoute(HandlerType.POST, "/admin/users", users::create),
                new AdminRoute(HandlerType.POST, "/admin/users/{id}/role", users::changeRole),
                new AdminRoute(HandlerType.POST, "/admin/users/{id}/disable", users::disable),
                new AdminRoute(HandlerType.POST, "/admin/users/{id}/enable", users::enable),
                new AdminRoute(HandlerType.GET, "/admin/audit", users::audit),
                new AdminRoute(HandlerType.GET, "/admin/settings", w.settingsEditor()::show),
                new AdminRoute(HandlerType.POST, "/admin/settings/feeds", w.settingsEditor()::saveFeeds),
                new AdminRoute(
                        HandlerType.POST, "/admin/settings/search-index", w.settingsEditor()::rebuildSearchIndex),
                new AdminRoute(HandlerType.POST, "/admin/settings/page-cache", w.settingsEditor()::emptyPageCache),
                new AdminRoute(HandlerType.GET, "/admin/password", w.passwordEditor()::show),
                new AdminRoute(HandlerType.POST, "/admin/password", w.passwordEditor()::change),
                new AdminRoute(HandlerType.POST, "/admin/language", w.signIn()::chooseLanguage),
                new AdminRoute(HandlerType.POST, "/admin/logout", w.signIn()::signOut),
                new AdminRoute(HandlerType.POST, "/admin/logout-everywhere", w.signIn()::signOutEverywhere));
    }

    // Readers' pages answer HEAD as well as GET (link checkers and caches use it); Jetty drops the body.
    private static void page(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }
}
