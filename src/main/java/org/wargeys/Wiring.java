package org.wargeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import org.wargeys.article.ArticlePaths;
import org.wargeys.article.ArticleService;
import org.wargeys.article.BodyRenderer;
import org.wargeys.article.HtmlSanitizer;
import org.wargeys.demo.DemoContent;
import org.wargeys.importer.ImportedMedia;
import org.wargeys.importer.OldAddresses;
import org.wargeys.importer.SiteArchive;
import org.wargeys.importer.WxrExport;
import org.wargeys.importer.WordPressImport;
import org.wargeys.pages.ArticlePages;
import org.wargeys.pages.HomePages;
import org.wargeys.platform.Config;
import org.wargeys.platform.Database;
import org.wargeys.platform.EventBus;
import org.wargeys.platform.Site;
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
    private final OldAddresses oldAddresses;
    private final WordPressImport wordPressImport;
    private final ImportedMedia importedMedia;
    private final SiteArchive siteArchive;
    private final WxrExport wxrExport;
    private final WebServer server;

    public Wiring(Config config, Clock clock) {
        int port = config.port() == 0 ? freePort() : config.port();
        this.site = config.site(port);
        this.database = Database.open(config);
        try {
            EventBus events = new EventBus();
            BodyRenderer bodies = new BodyRenderer(new HtmlSanitizer());
            this.articles = new ArticleService(database.jdbi(), bodies, events, site, clock);
            this.translations = new TranslationService(articles, site);
            ArticlePaths paths = new ArticlePaths(site.timezone());

            StaticAssets assets = new StaticAssets();
            MessageBundles bundles = new MessageBundles(site);
            LayoutFactory layouts = new LayoutFactory(site, bundles, assets);
            PageRenderer renderer = new PageRenderer();
            LanguageNegotiation negotiation = new LanguageNegotiation(site);
            this.healthCheck = new HealthCheck(database);
            this.homePages = new HomePages(site, articles, paths, layouts, renderer, negotiation);
            this.articlePages = new ArticlePages(site, articles, translations, paths, layouts, renderer);

            this.oldAddresses = new OldAddresses(database.jdbi(), articles, paths);
            this.siteArchive = new SiteArchive(database.jdbi(), database.dialect());
            this.wxrExport = new WxrExport(database.jdbi(), site);
            this.importedMedia = new ImportedMedia(config.dataDir().resolve("media"));
            this.wordPressImport = new WordPressImport(database.jdbi(), bodies, events, site, clock, config.dataDir().resolve("media"));

            if (config.loadDemo()) {
                new DemoContent(articles, site).loadIfEmpty();
            }
            ErrorPages errors = new ErrorPages(layouts, renderer, negotiation, oldAddresses::find);
            this.server = new WebServer(config.host(), port, errors, assets, routes -> Routes.register(routes, this));
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

    public WordPressImport wordPressImport() {
        return wordPressImport;
    }

    public SiteArchive siteArchive() {
        return siteArchive;
    }

    public WxrExport wxrExport() {
        return wxrExport;
    }

    ImportedMedia importedMedia() {
        return importedMedia;
    }

    OldAddresses oldAddresses() {
        return oldAddresses;
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
