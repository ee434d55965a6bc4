package org.wargeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import org.wargeys.article.ArticlePaths;
import org.wargeys.article.ArticlePublished;
import org.wargeys.article.ArticleUnpublished;
import org.wargeys.article.ArticleService;
import org.wargeys.article.BodyRenderer;
import org.wargeys.article.HtmlSanitizer;
import org.wargeys.demo.DemoContent;
import org.wargeys.pages.ArticlePages;
import org.wargeys.pages.HomePages;
import org.wargeys.pages.PageCachePurger;
import org.wargeys.platform.Config;
import org.wargeys.platform.Database;
import org.wargeys.platform.EventBus;
import org.wargeys.platform.Site;
import org.wargeys.sharing.ArticleSharing;
import org.wargeys.sharing.ShareApi;
import org.wargeys.sharing.ShareCardPages;
import org.wargeys.sharing.ShareCards;
import org.wargeys.sharing.ShareCounts;
import org.wargeys.sharing.ShareSettings;
import org.wargeys.translation.TranslationService;
import org.wargeys.web.ErrorPages;
import org.wargeys.web.HealthCheck;
import org.wargeys.web.LanguageNegotiation;
import org.wargeys.web.LayoutFactory;
import org.wargeys.web.MessageBundles;
import org.wargeys.web.PageCache;
import org.wargeys.web.PageRenderer;
import org.wargeys.web.PurgeHook;
import org.wargeys.web.StaticAssets;
import org.wargeys.web.WebServer;

/**
 * The composition root: the one place where services are built and handed their collaborators.
 * Owns what must be closed (server, database) and closes it in reverse order. Tests build the same
 * wiring on a temporary data directory and a fixed clock.
 */
public final class Wiring implements AutoCloseable {

    private final Site site;
    private final Database database;
    private final ArticleService articles;
    private final TranslationService translations;
    private final PageCache pageCache;
    private final HealthCheck healthCheck;
    private final HomePages homePages;
    private final ArticlePages articlePages;
    private final ShareApi shareApi;
    private final ShareCardPages shareCardPages;
    private final WebServer server;

    public Wiring(Config config, Clock clock) {
        int port = config.port() == 0 ? freePort() : config.port();
        this.site = config.site(port);
        this.database = Database.open(config);
        try {
            EventBus events = new EventBus();
            this.articles = new ArticleService(database.jdbi(), new BodyRenderer(new HtmlSanitizer()), events, site, clock);
            this.translations = new TranslationService(articles, site);
            ArticlePaths paths = new ArticlePaths(site.timezone());

            StaticAssets assets = new StaticAssets();
            MessageBundles bundles = new MessageBundles(site);
            LayoutFactory layouts = new LayoutFactory(site, bundles, assets);
            PageRenderer renderer = new PageRenderer();
            LanguageNegotiation negotiation = new LanguageNegotiation(site);
            this.pageCache = new PageCache(config.cacheBytes(), clock, PurgeHook.to(config.purgeUrl()));
            PageCachePurger purger = new PageCachePurger(pageCache, articles);
            events.subscribe(ArticlePublished.class, purger::onPublished);
            events.subscribe(ArticleUnpublished.class, purger::onUnpublished);
            this.healthCheck = new HealthCheck(database);
            this.homePages = new HomePages(site, articles, paths, layouts, renderer, negotiation);
            ShareSettings shareSettings = ShareSettings.from(config.settings());
            ShareCounts shareCounts = new ShareCounts(database.jdbi(), clock);
            ShareCards shareCards = new ShareCards(articles, site, config.dataDir());
            this.shareApi = new ShareApi(articles, shareCounts, shareSettings, clock);
            this.shareCardPages = new ShareCardPages(shareCards);
            ArticleSharing sharing = new ArticleSharing(site, articles, paths, shareSettings, shareCards, shareCounts,
                    renderer, assets);
            this.articlePages = new ArticlePages(site, articles, translations, paths, layouts, renderer, sharing);

            if (config.loadDemo()) {
                new DemoContent(articles, site).loadIfEmpty();
            }
            ErrorPages errors = new ErrorPages(layouts, renderer, negotiation);
            this.server = new WebServer(config.host(), port, errors, assets, pageCache, routes -> Routes.register(routes, this));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Starts the web server; returns the port it listens on. */
    public int start() {
        return server.start();
    }

    public Site site() {
        return site;
    }

    public Database database() {
        return database;
    }

    public ArticleService articles() {
        return articles;
    }

    public TranslationService translations() {
        return translations;
    }

    public PageCache pageCache() {
        return pageCache;
    }

    HealthCheck healthCheck() {
        return healthCheck;
    }

    HomePages homePages() {
        return homePages;
    }

    ArticlePages articlePages() {
        return articlePages;
    }

    ShareApi shareApi() {
        return shareApi;
    }

    ShareCardPages shareCardPages() {
        return shareCardPages;
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            database.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }
}
