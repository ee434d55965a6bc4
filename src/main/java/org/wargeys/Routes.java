package org.wargeys;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import org.wargeys.api.ContentApi;
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
        var newsroom = w.newsroom();
        routes.get("/admin/login", newsroom.signIn()::show);
        routes.post("/admin/login", newsroom.signIn()::signIn);
        // "Forgot password" (issue 16): open to anyone, like sign-in.
        routes.get("/admin/forgot", newsroom.passwordReset()::show);
        routes.post("/admin/forgot", newsroom.passwordReset()::request);
        routes.get("/admin/reset", newsroom.passwordReset()::choose);
        routes.post("/admin/reset", newsroom.passwordReset()::reset);
        StaffGate gate = newsroom.gate();
        for (AdminRoute route : newsroom(w)) {
            if (route.method() == HandlerType.GET) {
                // HEAD passes the same gate as GET: an anonymous HEAD is sent to sign in, never a 200.
                routes.get(route.path(), gate.page(route.handler()));
                routes.head(route.path(), gate.page(route.handler()));

            } else {
                routes.post(route.path(), gate.action(route.handler(), route.tooLarge()));
            }
        }
        // Any other newsroom address: the newsroom's own 404 page (anonymous visitors sign in first).
        routes.get("/admin/<rest>", gate.page(gate::notFound));
        routes.head("/admin/<rest>", gate.page(gate::notFound));
        routes.post("/admin/<rest>", gate.action(gate::notFound));

        // The API (docs/api.md), before the /{lang}/... routes that have the same shapes. The Content API
        // passes the API gate (CORS, content keys, rate limits) and the page cache; the admin API takes
        // personal access tokens (Authorization: Bearer), never the session cookie.
        var api = w.api();
        var content = api.content();
        page(routes, "/api/v1/openapi.json", api.cached(content::openApi, List.of()));
        page(routes, "/api/v1/articles", api.cached(content::list, ContentApi.LIST_PARAMETERS));
        page(routes, "/api/v1/articles/{id}", api.cached(content::show, List.of()));
        page(routes, "/api/v1/sections", api.cached(content::sections, ContentApi.TERM_PARAMETERS));
        page(routes, "/api/v1/tags", api.cached(content::tags, ContentApi.TERM_PARAMETERS));
        page(routes, "/api/v1/authors", api.cached(content::authors, ContentApi.TERM_PARAMETERS));
        page(routes, "/api/v1/search", api.fresh(content::search));
        var admin = api.admin();
        routes.get("/api/v1/admin/token", api.admin(admin::whoAmI));
        routes.get("/api/v1/admin/articles", api.admin(admin::list));
        routes.post("/api/v1/admin/articles", api.admin(admin::create));
        routes.get("/api/v1/admin/articles/{id}", api.admin(admin::show));
        routes.patch("/api/v1/admin/articles/{id}", api.admin(admin::update));
        routes.post("/api/v1/admin/articles/{id}/workflow", api.admin(admin::step));
        routes.post("/api/v1/admin/articles/{id}/translations", api.admin(admin::translate));
        routes.post("/api/v1/admin/articles/{id}/corrections", api.admin(admin::correct));
        routes.post("/api/v1/admin/media", api.admin(admin::upload));
        routes.put("/api/v1/admin/sections/{key}", api.admin(admin::defineSection));
        routes.put("/api/v1/admin/tags/{key}", api.admin(admin::defineTag));

        PageCache cache = w.web().pageCache();
        var pages = w.pages();
        var oldAddresses = w.importer().oldAddresses();
        page(routes, "/healthz", w.web().health()::check);
        page(routes, "/readyz", w.web().health()::ready);
        page(routes, "/livez", w.web().health()::alive);
        // Metrics: here only for a scraper with metrics.token (else on their own loopback port).
        routes.get("/metrics", w.metrics()::scrape);
        page(routes, "/media/{file}", w.media().files()::show);

        page(routes, "/robots.txt", pages.sitemaps()::robots);
        page(routes, "/sitemap.xml", cache.wrap(pages.sitemaps()::index));
        page(routes, "/sitemap-{file}", cache.wrap(pages.sitemaps()::sitemap));
        page(routes, "/sitemaps/{file}", pages.sitemaps()::moved);
        page(routes, "/", ctx -> {
            // WordPress's /?p=ID and /?page_id=ID links land here; everything else goes home.
            var moved = ctx.queryString() == null
                    ? java.util.Optional.<String>empty()
                    : oldAddresses.find(ctx.path(), ctx.queryString());
            if (moved.isPresent()) ctx.redirect(moved.get(), io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
            else pages.home().root(ctx);
        });
        page(routes, "/media/wordpress/<path>", w.importer().importedMedia()::show);
        page(routes, "/{lang}", pages.home()::addSlash);
        page(routes, "/{lang}/", cache.wrap(pages.home()::show));
        // Before the article route, which has the same shape: "archive", "section" and "tag" are never a year.
        page(routes, "/{lang}/archive/{year}/{month}", cache.wrap(pages.archives()::month));
        page(routes, "/{lang}/section/{slug}/rss.xml", cache.wrap(pages.feeds()::sectionRss));
        page(routes, "/{lang}/section/{slug}/atom.xml", cache.wrap(pages.feeds()::sectionAtom));
        page(routes, "/{lang}/tag/{slug}/rss.xml", cache.wrap(pages.feeds()::tagRss));
        page(routes, "/{lang}/tag/{slug}/atom.xml", cache.wrap(pages.feeds()::tagAtom));
        // Live blogs (issue 17): a live article's poll answer and Atom feed, kept and purged like pages;
        // its page keeps its older entries (?before=N) and entries' share links (?entry=N) too.
        page(routes, "/{lang}/live/{id}", cache.wrap(pages.live()::poll));
        page(routes, "/{lang}/live/{id}/atom.xml", cache.wrap(pages.live()::atom));
        page(
                routes,
                "/{lang}/{year}/{month}/{slug}",
                cache.wrap(
                        pages.articles()::show,
                        null,
                        q -> q == null || q.matches(org.wargeys.pages.ArticlePages.LIVE_QUERY)));
        page(routes, "/{lang}/search", cache.wrap(pages.search()::show, null, org.wargeys.pages.SearchPages::keepable));
        // Readers' newsletters (issue 16): never cached; the signed links' pages keep out of caches.
        var newsletter = w.newsletters().pages();
        page(routes, "/{lang}/newsletter", newsletter::show);
        routes.post("/{lang}/newsletter", newsletter::subscribe);
        page(routes, "/{lang}/newsletter/thanks", newsletter::thanks);
        page(routes, "/{lang}/newsletter/confirm", newsletter::confirm);
        page(routes, "/{lang}/newsletter/preferences", newsletter::preferences);
        routes.post("/{lang}/newsletter/preferences", newsletter::savePreferences);
        page(routes, "/{lang}/newsletter/export", newsletter::export);
        page(routes, "/{lang}/newsletter/unsubscribe", newsletter::unsubscribePage);
        routes.post("/{lang}/newsletter/unsubscribe", newsletter::unsubscribe);
        page(routes, "/{lang}/rss.xml", cache.wrap(pages.feeds()::latestRss));
        page(routes, "/{lang}/atom.xml", cache.wrap(pages.feeds()::latestAtom));
        page(routes, "/{lang}/section/{slug}", cache.wrap(pages.archives()::section));
        page(routes, "/{lang}/tag/{slug}", cache.wrap(pages.archives()::tag));
        page(routes, "/{lang}/author/{slug}", cache.wrap(pages.archives()::author));
        page(routes, "/{lang}/archive/{year}", cache.wrap(pages.archives()::year));

        page(routes, "/share-cards/{file}", w.sharing().cardPages()::show);
        routes.post("/api/v1/shares", w.sharing().api()::beacon);
        routes.get("/api/v1/articles/{id}/shares", w.sharing().api()::totals);
        // Last: any other /api/v1 address is a problem document, not the readers' HTML error page.
        routes.options("/api/v1/<rest>", api.preflight());
        for (HandlerType method : List.of(
                HandlerType.GET,
                HandlerType.HEAD,
                HandlerType.POST,
                HandlerType.PUT,
                HandlerType.PATCH,
                HandlerType.DELETE)) {
            routes.addEndpoint(new io.javalin.router.Endpoint(method, "/api/v1/<rest>", api.notFound()));
        }
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
        var n = w.newsroom();
        var list = n.articleList();
        var editor = n.articleEditor();
        var workflow = n.workflow();
        var revisions = n.revisions();
        var users = n.users();
        var sync = n.editorSync();
        return List.of(
                new AdminRoute(HandlerType.GET, "/admin", n.desk()::show),
                new AdminRoute(HandlerType.GET, "/admin/articles", list::list),
                new AdminRoute(HandlerType.POST, "/admin/articles/bulk", list::bulk),
                new AdminRoute(HandlerType.GET, "/admin/articles/new", editor::newForm),
                new AdminRoute(HandlerType.POST, "/admin/articles", editor::create),
                new AdminRoute(HandlerType.POST, "/admin/preview", editor::preview),
                new AdminRoute(HandlerType.GET, "/admin/articles/{id}", editor::show),
                new AdminRoute(HandlerType.POST, "/admin/articles/{id}", editor::save),
                new AdminRoute(HandlerType.POST, "/admin/articles/{id}/autosave", sync::autosave),
                new AdminRoute(HandlerType.POST, "/admin/articles/{id}/workflow", workflow::step),
                new AdminRoute(HandlerType.POST, "/admin/articles/{id}/translations", workflow::translate),
                new AdminRoute(HandlerType.POST, "/admin/articles/{id}/corrections", workflow::correct),
                new AdminRoute(HandlerType.GET, "/admin/articles/{id}/revisions", revisions::list),
                // The desk (issue 14): an article's notes and assignments, the bell.
                new AdminRoute(HandlerType.GET, "/admin/articles/{id}/desk", n.articleDesk()::show),
                new AdminRoute(HandlerType.POST, "/admin/articles/{id}/notes", n.articleDesk()::addNote),
                new AdminRoute(HandlerType.POST, "/admin/articles/{id}/assignments", n.articleDesk()::assign),
                new AdminRoute(HandlerType.POST, "/admin/assignments/{id}/done", n.articleDesk()::done),
                new AdminRoute(HandlerType.GET, "/admin/notifications", n.notifications()::list),
                new AdminRoute(HandlerType.POST, "/admin/notifications/read", n.notifications()::readAll),
                new AdminRoute(HandlerType.GET, "/admin/notifications/{id}", n.notifications()::open),
                new AdminRoute(
                        HandlerType.POST, "/admin/articles/{id}/revisions/{revision}/restore", revisions::restore),
                // Review before live (issue 14): a restore's confirmation, the change waiting for approval.
                new AdminRoute(
                        HandlerType.GET, "/admin/articles/{id}/revisions/{revision}/restore", revisions::confirm),
                new AdminRoute(HandlerType.GET, "/admin/articles/{id}/pending", revisions::pending),
                new AdminRoute(HandlerType.POST, "/admin/articles/{id}/pending/{change}/approve", revisions::approve),
                new AdminRoute(HandlerType.POST, "/admin/articles/{id}/pending/{change}/reject", revisions::reject),
                new AdminRoute(HandlerType.GET, "/admin/media", n.media()::list),
                new AdminRoute(HandlerType.POST, "/admin/media", n.media()::upload, n.media()::tooLarge),
                new AdminRoute(HandlerType.POST, "/admin/media/{id}", n.media()::describe),
                new AdminRoute(HandlerType.GET, "/admin/taxonomy", n.taxonomy()::list),
                new AdminRoute(HandlerType.POST, "/admin/taxonomy", n.taxonomy()::define),
                new AdminRoute(HandlerType.GET, "/admin/users", users::list),
                new AdminRoute(HandlerType.POST, "/admin/users", users::create),
                new AdminRoute(HandlerType.POST, "/admin/users/invite", users::invite),
                new AdminRoute(HandlerType.POST, "/admin/users/{id}/role", users::changeRole),
                new AdminRoute(HandlerType.POST, "/admin/users/{id}/password", users::resetPassword),
                new AdminRoute(HandlerType.POST, "/admin/users/{id}/disable", users::disable),
                new AdminRoute(HandlerType.POST, "/admin/users/{id}/enable", users::enable),
                new AdminRoute(HandlerType.GET, "/admin/audit", n.audit()::list),
                new AdminRoute(HandlerType.GET, "/admin/settings", n.settings()::show),
                new AdminRoute(HandlerType.POST, "/admin/settings/feeds", n.settings()::saveFeeds),
                new AdminRoute(HandlerType.POST, "/admin/settings/sharing", n.settings()::saveSharing),
                new AdminRoute(HandlerType.POST, "/admin/settings/site", n.settings()::saveSite),
                new AdminRoute(HandlerType.POST, "/admin/settings/languages", n.settings()::addLanguage),
                new AdminRoute(HandlerType.POST, "/admin/settings/languages/remove", n.settings()::removeLanguage),
                new AdminRoute(HandlerType.POST, "/admin/settings/search-index", n.settings()::rebuildSearchIndex),
                new AdminRoute(HandlerType.POST, "/admin/settings/page-cache", n.settings()::emptyPageCache),
                new AdminRoute(HandlerType.GET, "/admin/password", n.password()::show),
                new AdminRoute(HandlerType.POST, "/admin/password", n.password()::change),
                new AdminRoute(HandlerType.POST, "/admin/language", n.signIn()::chooseLanguage),
                new AdminRoute(HandlerType.POST, "/admin/logout", n.signIn()::signOut),
                // The article editor's background calls and pickers (issue 13).
                new AdminRoute(HandlerType.POST, "/admin/articles/{id}/autosave/discard", sync::discard),
                new AdminRoute(HandlerType.POST, "/admin/articles/{id}/presence", sync::presence),
                new AdminRoute(HandlerType.POST, "/admin/articles/{id}/conflict", sync::conflict),
                new AdminRoute(HandlerType.GET, "/admin/session", sync::session),
                new AdminRoute(HandlerType.GET, "/admin/terms", n.editorPickers()::terms),
                new AdminRoute(HandlerType.GET, "/admin/media/library", n.editorPickers()::library),
                new AdminRoute(HandlerType.POST, "/admin/taxonomy/proposals", n.taxonomy()::answer),
                new AdminRoute(HandlerType.POST, "/admin/taxonomy/merge", n.taxonomy()::merge),
                new AdminRoute(HandlerType.POST, "/admin/logout-everywhere", n.signIn()::signOutEverywhere),
                // The API's tokens and keys, and webhooks (issue 18).
                new AdminRoute(HandlerType.GET, "/admin/tokens", n.tokens()::list),
                new AdminRoute(HandlerType.POST, "/admin/tokens", n.tokens()::create),
                new AdminRoute(HandlerType.POST, "/admin/tokens/{id}/revoke", n.tokens()::revoke),
                new AdminRoute(HandlerType.POST, "/admin/content-keys", n.tokens()::createKey),
                new AdminRoute(HandlerType.POST, "/admin/content-keys/{id}/revoke", n.tokens()::revokeKey),
                new AdminRoute(HandlerType.GET, "/admin/webhooks", n.webhooks()::list),
                new AdminRoute(HandlerType.POST, "/admin/webhooks", n.webhooks()::register),
                new AdminRoute(HandlerType.GET, "/admin/webhooks/{id}", n.webhooks()::show),
                new AdminRoute(HandlerType.POST, "/admin/webhooks/{id}", n.webhooks()::update),
                new AdminRoute(HandlerType.POST, "/admin/webhooks/{id}/pause", n.webhooks()::pause),
                new AdminRoute(HandlerType.POST, "/admin/webhooks/{id}/resume", n.webhooks()::resume),
                new AdminRoute(HandlerType.POST, "/admin/webhooks/{id}/delete", n.webhooks()::delete),
                new AdminRoute(
                        HandlerType.POST,
                        "/admin/webhooks/{id}/deliveries/{delivery}/redeliver",
                        n.webhooks()::redeliver),
                // Live blogs (issue 17): coverage, the composer, entries.
                new AdminRoute(HandlerType.GET, "/admin/articles/{id}/live", n.live()::show),
                new AdminRoute(HandlerType.POST, "/admin/articles/{id}/live/start", n.live()::start),
                new AdminRoute(HandlerType.POST, "/admin/articles/{id}/live/end", n.live()::end),
                new AdminRoute(HandlerType.POST, "/admin/articles/{id}/live/originals", n.live()::originals),
                new AdminRoute(HandlerType.POST, "/admin/articles/{id}/live/entries", n.live()::post),
                new AdminRoute(HandlerType.POST, "/admin/live-entries/{id}", n.live()::edit),
                new AdminRoute(HandlerType.POST, "/admin/live-entries/{id}/delete", n.live()::delete),
                // Readers' newsletters (issue 16).
                new AdminRoute(HandlerType.GET, "/admin/subscribers", n.subscribers()::show),
                new AdminRoute(HandlerType.POST, "/admin/subscribers/digest-time", n.subscribers()::saveDigestTime),
                new AdminRoute(HandlerType.GET, "/admin/subscribers/preview", n.subscribers()::preview),
                new AdminRoute(HandlerType.POST, "/admin/subscribers/test", n.subscribers()::sendTest),
                new AdminRoute(HandlerType.POST, "/admin/subscribers/retry", n.subscribers()::retry),
                // Notifications by mail, each staff member's own choice (issue 16).
                new AdminRoute(HandlerType.GET, "/admin/account/notifications", n.notificationMail()::show),
                new AdminRoute(HandlerType.POST, "/admin/account/notifications", n.notificationMail()::save));
    }

    // Readers' pages answer HEAD as well as GET (link checkers and caches use it); Jetty drops the body.
    private static void page(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }
}
