package org.wargeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.wargeys.article.ArticleArchive;
import org.wargeys.article.ArticlePaths;
import org.wargeys.article.ArticlePublished;
import org.wargeys.article.ArticleUnpublished;
import org.wargeys.article.ArticleService;
import org.wargeys.article.BodyRenderer;
import org.wargeys.article.HtmlSanitizer;
import org.wargeys.demo.DemoContent;
import org.wargeys.pages.ArticlePages;
import org.wargeys.pages.ArchivePages;
import org.wargeys.pages.FeedPages;
import org.wargeys.pages.HomePages;
import org.wargeys.pages.SitemapPages;
import org.wargeys.sitemap.SitemapService;
import org.wargeys.pages.SearchPages;
import org.wargeys.platform.Config;
import org.wargeys.platform.Database;
import org.wargeys.platform.EventBus;
import org.wargeys.platform.Site;
import org.wargeys.feed.FeedService;
import org.wargeys.feed.FeedSettings;
import org.wargeys.search.ArticleIndexer;
import org.wargeys.search.SearchIndex;
import org.wargeys.translation.TranslationService;
import org.wargeys.web.ErrorPages;
import org.wargeys.web.HealthCheck;
import org.wargeys.web.LanguageNegotiation;
import org.wargeys.web.LayoutFactory;
import org.wargeys.web.MessageBundles;
import org.wargeys.web.PageRenderer;
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
    private final HealthCheck healthCheck;
    private final HomePages homePages;
    private final ArticlePages articlePages;
    private final SearchPages searchPages;
    private final ArchivePages archivePages;
    private final FeedSettings feedSettings;
    private final FeedPages feedPages;
    private final SitemapPages sitemapPages;
    private final WebServer server;
    private final SearchIndex searchIndex;
    private final ArticleIndexer indexer;
    private final ExecutorService background;

    public Wiring(Config config, Clock clock) {
        int port = config.port() == 0 ? freePort() : config.port();
        this.site = config.site(port);
        this.database = Database.open(config);
        this.background = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "wargeys-background");
            thread.setDaemon(true);
            return thread;
        });
        SearchIndex openedIndex = null;
        try {
            EventBus events = new EventBus();
            this.articles = new ArticleService(database.jdbi(), new BodyRenderer(new HtmlSanitizer()), events, site, clock);
            this.translations = new TranslationService(articles, site);
            ArticlePaths paths = new ArticlePaths(site.timezone());
            openedIndex = SearchIndex.open(config.dataDir().resolve("search-index"), clock);
            this.searchIndex = openedIndex;
            this.indexer = new ArticleIndexer(searchIndex, articles, paths, site);
            events.subscribe(ArticlePublished.class, indexer::published);
            events.subscribe(ArticleUnpublished.class, indexer::unpublished);

            StaticAssets assets = new StaticAssets();
            MessageBundles bundles = new MessageBundles(site);
            LayoutFactory layouts = new LayoutFactory(site, bundles, assets);
            PageRenderer renderer = new PageRenderer();
            LanguageNegotiation negotiation = new LanguageNegotiation(site);
            this.healthCheck = new HealthCheck(database);
            this.homePages = new HomePages(site, articles, paths, layouts, renderer, negotiation);
            this.articlePages = new ArticlePages(site, articles, translations, paths, layouts, renderer, searchIndex);
            ArticleArchive archive = new ArticleArchive(database.jdbi());
            this.searchPages = new SearchPages(site, searchIndex, indexer, archive, layouts, renderer);
            this.archivePages = new ArchivePages(site, articles, archive, paths, layouts, renderer);
            this.feedSettings = new FeedSettings(database.jdbi());
            this.sitemapPages = new SitemapPages(new SitemapService(site, archive, paths, clock));
            this.feedPages = new FeedPages(site, new FeedService(site, articles, archive, paths, bundles, feedSettings));

            if (config.loadDemo()) {
                new DemoContent(articles, site).loadIfEmpty();
            }
            ErrorPages errors = new ErrorPages(layouts, renderer, negotiation);
            this.server = new WebServer(config.host(), port, errors, assets, routes -> Routes.register(routes, this));
        } catch (RuntimeException e) {
            background.shutdownNow();
            if (openedIndex != null) openedIndex.close();
            database.close();
            throw e;
        }
    }

    /** Starts the web server (and a background rebuild of a missing or broken search index); returns the port. */
    public int start() {
        indexer.rebuildIfNeeded(background);
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

    HealthCheck healthCheck() {
        return healthCheck;
    }

    HomePages homePages() {
        return homePages;
    }

    ArticlePages articlePages() {
        return articlePages;
    }

    SitemapPages sitemapPages() {
        return sitemapPages;
    }

    FeedPages feedPages() {
        return feedPages;
    }

    public FeedSettings feedSettings() {
        return feedSettings;
    }

    ArchivePages archivePages() {
        return archivePages;
    }

    SearchPages searchPages() {
        return searchPages;
    }

    public SearchIndex searchIndex() {
        return searchIndex;
    }

    public ArticleIndexer indexer() {
        return indexer;
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            try {
                indexer.stop();
                background.shutdown();
                awaitBackground();
                searchIndex.close();
            } finally {
                database.close();
            }
        }
    }

    private void awaitBackground() {
        try {
            background.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
