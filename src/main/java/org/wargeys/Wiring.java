package org.wargeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import org.wargeys.account.AccountService;
import org.wargeys.account.AuditLog;
import org.wargeys.account.PasswordHasher;
import org.wargeys.account.SessionService;
import org.wargeys.article.ArticleArchive;
import org.wargeys.article.ArticleCorrections;
import org.wargeys.article.ArticleListing;
import org.wargeys.article.ArticleOrigins;
import org.wargeys.article.ArticlePaths;
import org.wargeys.article.ArticlePublished;
import org.wargeys.article.ArticleRevisions;
import org.wargeys.article.ArticleSeo;
import org.wargeys.article.ArticleService;
import org.wargeys.article.ArticleUnpublished;
import org.wargeys.article.ArticleWorkflow;
import org.wargeys.article.ArticlesChanged;
import org.wargeys.article.BodyRenderer;
import org.wargeys.article.HtmlSanitizer;
import org.wargeys.article.Taxonomy;
import org.wargeys.article.TaxonomyChanged;
import org.wargeys.demo.DemoContent;
import org.wargeys.feed.FeedService;
import org.wargeys.feed.FeedSettings;
import org.wargeys.feed.FeedSettingsChanged;
import org.wargeys.importer.ImportedMedia;
import org.wargeys.importer.OldAddresses;
import org.wargeys.importer.SiteArchive;
import org.wargeys.importer.WordPressImport;
import org.wargeys.importer.WxrExport;
import org.wargeys.media.FeaturedImageChanged;
import org.wargeys.media.ImageDescribed;
import org.wargeys.media.MediaFiles;
import org.wargeys.media.MediaService;
import org.wargeys.newsroom.ArticleEditor;
import org.wargeys.newsroom.ArticleListEditor;
import org.wargeys.newsroom.DeskFactory;
import org.wargeys.newsroom.MediaEditor;
import org.wargeys.newsroom.Newsroom;
import org.wargeys.newsroom.PasswordEditor;
import org.wargeys.newsroom.RevisionEditor;
import org.wargeys.newsroom.SettingsEditor;
import org.wargeys.newsroom.SignInEditor;
import org.wargeys.newsroom.SiteRequests;
import org.wargeys.newsroom.StaffGate;
import org.wargeys.newsroom.TaxonomyEditor;
import org.wargeys.newsroom.UserEditor;
import org.wargeys.newsroom.WorkflowEditor;
import org.wargeys.pages.ArchivePages;
import org.wargeys.pages.ArticlePages;
import org.wargeys.pages.FeedPages;
import org.wargeys.pages.HomePages;
import org.wargeys.pages.PageCachePurger;
import org.wargeys.pages.SearchPages;
import org.wargeys.pages.SitemapPages;
import org.wargeys.platform.ClusterEvents;
import org.wargeys.platform.Config;
import org.wargeys.platform.Database;
import org.wargeys.platform.Dialect;
import org.wargeys.platform.EventBus;
import org.wargeys.platform.Site;
import org.wargeys.search.ArticleIndexer;
import org.wargeys.search.SearchIndex;
import org.wargeys.sharing.ArticleSharing;
import org.wargeys.sharing.ShareApi;
import org.wargeys.sharing.ShareCardPages;
import org.wargeys.sharing.ShareCards;
import org.wargeys.sharing.ShareCounts;
import org.wargeys.sharing.ShareSettings;
import org.wargeys.sharing.ShareTotalsChanged;
import org.wargeys.sharing.ShareTotalsRefresh;
import org.wargeys.sitemap.SitemapService;
import org.wargeys.translation.TranslationProgress;
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
    private final ClusterEvents cluster;
    private final ShareTotalsRefresh shareTotalsRefresh;
    private final HealthCheck healthCheck;
    private final HomePages homePages;
    private final ArticlePages articlePages;
    private final ShareApi shareApi;
    private final ShareCardPages shareCardPages;
    private final SearchPages searchPages;
    private final ArchivePages archivePages;
    private final FeedSettings feedSettings;
    private final FeedPages feedPages;
    private final SitemapPages sitemapPages;
    private final SearchIndex searchIndex;
    private final ArticleIndexer indexer;
    // Rebuilds a missing or broken search index while the site serves.
    private final ExecutorService background;
    private final OldAddresses oldAddresses;
    private final WordPressImport wordPressImport;
    private final ImportedMedia importedMedia;
    private final SiteArchive siteArchive;
    private final WxrExport wxrExport;
    private final WebServer server;
    private final AuditLog audit;
    private final MediaService media;
    private final MediaFiles mediaFiles;
    private final MediaEditor mediaEditor;
    private final PasswordEditor passwordEditor;
    private final TaxonomyEditor taxonomyEditor;
    private final AccountService accounts;
    private final SessionService sessions;
    private final ArticleWorkflow workflow;
    private final TranslationProgress translationProgress;
    private final Newsroom newsroom;
    private final SignInEditor signIn;
    private final ArticleListEditor articleListEditor;
    private final ArticleEditor articleEditor;
    private final WorkflowEditor workflowEditor;
    private final RevisionEditor revisionEditor;
    private final UserEditor userEditor;
    private final SettingsEditor settingsEditor;
    // Publishes scheduled articles when their time comes; one thread, stopped on close.
    private final ScheduledExecutorService scheduler;

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
            BodyRenderer bodies = new BodyRenderer(new HtmlSanitizer());
            this.articles = new ArticleService(database.jdbi(), bodies, events, site, clock);
            this.translations = new TranslationService(articles, site);
            ArticlePaths paths = new ArticlePaths(site.timezone());
            openedIndex = SearchIndex.open(config.dataDir().resolve("search-index"), clock);
            this.searchIndex = openedIndex;
            this.indexer = new ArticleIndexer(searchIndex, articles, paths, site);
            // The index hears of a change before the page cache purges: a page rendered after the purge
            // must already find the article in search results and related-article blocks.
            events.subscribe(ArticlePublished.class, indexer::published);
            events.subscribe(ArticleUnpublished.class, indexer::unpublished);
            events.subscribe(ArticlesChanged.class, indexer::changed);

            StaticAssets assets = new StaticAssets();
            MessageBundles bundles = new MessageBundles(site);
            LayoutFactory layouts = new LayoutFactory(site, bundles, assets);
            PageRenderer renderer = new PageRenderer();
            LanguageNegotiation negotiation = new LanguageNegotiation(site);
            // Other nodes on the same PostgreSQL database hear of every change below and apply it to their
            // own cache and index; after a lost connection a node drops its cache and re-reads the index.
            this.cluster = ClusterEvents.start(database, events, this::resynchronize);
            PurgeHook cdn = PurgeHook.to(config.purgeUrl());
            // The node where a change was made tells the CDN; the others only drop their own copies.
            this.pageCache = new PageCache(config.cacheBytes(), clock, keys -> {
                if (!cluster.replaying()) cdn.purged(keys);
            });
            PageCachePurger purger = new PageCachePurger(pageCache, articles, site);
            events.subscribe(ArticlePublished.class, purger::onPublished);
            events.subscribe(ArticleUnpublished.class, purger::onUnpublished);
            events.subscribe(TaxonomyChanged.class, purger::onTaxonomyChanged);
            events.subscribe(FeaturedImageChanged.class, purger::onFeaturedImageChanged);
            events.subscribe(ImageDescribed.class, purger::onImageDescribed);
            events.subscribe(ShareTotalsChanged.class, purger::onShareTotalsChanged);
            events.subscribe(ArticlesChanged.class, purger::onArticlesChanged);
            this.healthCheck = new HealthCheck(database);
            this.homePages = new HomePages(site, articles, paths, layouts, renderer, negotiation);
            ArticleCorrections corrections = new ArticleCorrections(database.jdbi(), articles, clock);
            this.media = new MediaService(database.jdbi(), config.dataDir(), clock, events);
            ShareSettings shareSettings = ShareSettings.from(config.settings());
            ShareCounts shareCounts = new ShareCounts(database.jdbi(), clock);
            this.shareTotalsRefresh = new ShareTotalsRefresh(shareCounts::takeRecentlyShared, shareSettings, events);
            ShareCards shareCards = new ShareCards(articles, site, config.dataDir());
            this.shareApi = new ShareApi(articles, shareCounts, shareSettings, clock);
            this.shareCardPages = new ShareCardPages(shareCards);
            ArticleSharing sharing =
                    new ArticleSharing(site, articles, paths, shareSettings, shareCards, shareCounts, renderer, assets);
            this.articlePages = new ArticlePages(
                    site, articles, translations, paths, layouts, renderer, sharing, corrections, media, searchIndex);
            ArticleArchive archive = new ArticleArchive(database.jdbi());
            this.searchPages = new SearchPages(site, searchIndex, indexer, archive, layouts, renderer);
            this.archivePages = new ArchivePages(site, articles, archive, paths, layouts, renderer);
            // Feeds of every language change with this setting: purge them all (their latest-LANG keys).
            this.feedSettings = new FeedSettings(database.jdbi(), () -> events.publish(new FeedSettingsChanged()));
            events.subscribe(FeedSettingsChanged.class, purger::onFeedSettingsChanged);
            this.sitemapPages = new SitemapPages(new SitemapService(site, archive, paths, clock), site);
            this.feedPages =
                    new FeedPages(site, new FeedService(site, articles, archive, paths, bundles, feedSettings));

            this.audit = new AuditLog(database.jdbi(), clock);
            this.accounts = accounts(config, database, audit, clock);
            this.sessions = new SessionService(database.jdbi(), clock);
            this.workflow = new ArticleWorkflow(database.jdbi(), articles, clock);
            ArticleOrigins origins = new ArticleOrigins(database.jdbi());
            ArticleRevisions revisions = new ArticleRevisions(database.jdbi(), articles);
            this.translationProgress =
                    new TranslationProgress(database.jdbi(), articles, translations, origins, revisions);
            DeskFactory desks = new DeskFactory(layouts, negotiation, assets);
            StaffGate gate = new StaffGate(sessions, config.trustedProxies(), desks, MAX_MULTIPART_BYTES);
            this.newsroom = new Newsroom(
                    site,
                    clock,
                    articles,
                    origins,
                    new ArticleSeo(database.jdbi()),
                    workflow,
                    revisions,
                    corrections,
                    new Taxonomy(database.jdbi()),
                    translationProgress,
                    paths,
                    bodies,
                    articlePages::preview,
                    audit,
                    gate,
                    desks,
                    renderer,
                    media,
                    shareCounts);
            this.signIn = new SignInEditor(accounts, sessions, audit, gate, desks, renderer);
            this.articleListEditor = new ArticleListEditor(
                    site,
                    new ArticleListing(database.jdbi()),
                    newsroom.taxonomy(),
                    translationProgress,
                    desks,
                    renderer);
            this.articleEditor = new ArticleEditor(newsroom);
            this.workflowEditor = new WorkflowEditor(newsroom, articleEditor);
            this.revisionEditor = new RevisionEditor(newsroom, articleEditor);
            this.userEditor = new UserEditor(newsroom, accounts);
            this.mediaFiles = new MediaFiles(media);
            this.mediaEditor = new MediaEditor(newsroom);
            this.passwordEditor = new PasswordEditor(newsroom, accounts, sessions);
            this.taxonomyEditor = new TaxonomyEditor(newsroom);
            this.settingsEditor = new SettingsEditor(
                    newsroom, feedSettings, events, searchIndex::size, indexer::isRebuilding, pageCache::size);
            events.subscribe(
                    SiteRequests.RebuildSearchIndex.class,
                    e -> indexer.rebuildInBackground(background, "an administrator asked for it"));
            events.subscribe(
                    SiteRequests.EmptyPageCache.class, e -> pageCache.purge(java.util.Set.of(PageCache.EVERY_PAGE)));

            this.oldAddresses = new OldAddresses(database.jdbi(), articles, paths, site);
            this.siteArchive = new SiteArchive(database.jdbi(), database.dialect());
            this.wxrExport = new WxrExport(database.jdbi(), site, media);
            this.importedMedia = new ImportedMedia(config.dataDir().resolve("media"));
            this.wordPressImport = new WordPressImport(
                    database.jdbi(),
                    bodies,
                    events,
                    site,
                    clock,
                    config.dataDir().resolve("media"),
                    media);

            if (config.loadDemo()) {
                new DemoContent(articles, site).loadIfEmpty();
            }
            ErrorPages errors = new ErrorPages(layouts, renderer, negotiation, oldAddresses::find);
            for (Class<? extends Record> shared : java.util.List.of(
                    ArticlePublished.class,
                    ArticleUnpublished.class,
                    TaxonomyChanged.class,
                    FeaturedImageChanged.class,
                    ImageDescribed.class,
                    FeedSettingsChanged.class,
                    ShareTotalsChanged.class,
                    SiteRequests.RebuildSearchIndex.class,
                    SiteRequests.EmptyPageCache.class)) {
                cluster.share(shared);
            }
            // Too many ids for a notification: the other nodes re-read their index and drop their pages.
            events.subscribe(ArticlesChanged.class, e -> {
                cluster.tellOthers(new SiteRequests.RebuildSearchIndex());
                cluster.tellOthers(new SiteRequests.EmptyPageCache());
            });
            this.server = new WebServer(
                    config.host(),
                    port,
                    errors,
                    assets,
                    pageCache,
                    MAX_MULTIPART_BYTES,
                    routes -> Routes.register(routes, this));
            this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "wargeys-scheduler");
                thread.setDaemon(true);
                return thread;
            });
        } catch (RuntimeException e) {
            background.shutdownNow();
            if (openedIndex != null) openedIndex.close();
            database.close();
            throw e;
        }
    }

    /** The staff accounts, for the {@code user} commands (no web server needed). */
    /** The largest multipart body the server reads: the largest image upload plus room for its form's fields. */
    static final long MAX_MULTIPART_BYTES = MediaService.MAX_BYTES + 64 * 1024;

    static AccountService accounts(Config config, Database database, AuditLog audit, Clock clock) {
        return new AccountService(
                database.jdbi(),
                new PasswordHasher(config.passwordMemoryKib(), config.passwordIterations()),
                audit,
                clock);
    }

    /**
     * Starts the web server, the scheduler and, if the search index is missing or broken, its rebuild in
     * the background; returns the port it listens on.
     */
    public int start() {
        if (database.dialect() == Dialect.POSTGRESQL) {
            // Other nodes may have changed articles while this one was stopped, and their notifications
            // are gone: re-read the index from the database while the site serves.
            indexer.rebuildInBackground(background, "other nodes may have changed articles while this one was stopped");
        } else {
            indexer.rebuildIfNeeded(background);
        }
        int actual = server.start();
        // Every 20 seconds: a scheduled article goes live within a minute of its time, even just after a restart.
        scheduler.scheduleWithFixedDelay(
                logged("Publishing scheduled articles", workflow::publishDue), 0, 20, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(
                logged("Refreshing share totals", shareTotalsRefresh::run),
                ShareTotalsRefresh.EVERY_SECONDS,
                ShareTotalsRefresh.EVERY_SECONDS,
                TimeUnit.SECONDS);
        return actual;
    }

    /** Scheduled work whose failure is logged, not thrown: an exception would cancel every later run. */
    private static Runnable logged(String what, Runnable work) {
        return () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(Wiring.class).error("{} failed", what, e);
            }
        };
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

    public ShareTotalsRefresh shareTotalsRefresh() {
        return shareTotalsRefresh;
    }

    public ClusterEvents cluster() {
        return cluster;
    }

    public PageCache pageCache() {
        return pageCache;
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

    ShareApi shareApi() {
        return shareApi;
    }

    ShareCardPages shareCardPages() {
        return shareCardPages;
    }

    public AccountService accounts() {
        return accounts;
    }

    public AuditLog audit() {
        return audit;
    }

    public SessionService sessions() {
        return sessions;
    }

    public ArticleWorkflow workflow() {
        return workflow;
    }

    public TranslationProgress translationProgress() {
        return translationProgress;
    }

    Newsroom newsroom() {
        return newsroom;
    }

    SignInEditor signIn() {
        return signIn;
    }

    ArticleListEditor articleListEditor() {
        return articleListEditor;
    }

    ArticleEditor articleEditor() {
        return articleEditor;
    }

    WorkflowEditor workflowEditor() {
        return workflowEditor;
    }

    RevisionEditor revisionEditor() {
        return revisionEditor;
    }

    SettingsEditor settingsEditor() {
        return settingsEditor;
    }

    UserEditor userEditor() {
        return userEditor;
    }

    public MediaService media() {
        return media;
    }

    MediaFiles mediaFiles() {
        return mediaFiles;
    }

    MediaEditor mediaEditor() {
        return mediaEditor;
    }

    PasswordEditor passwordEditor() {
        return passwordEditor;
    }

    TaxonomyEditor taxonomyEditor() {
        return taxonomyEditor;
    }

    @Override
    public void close() {
        try {
            cluster.close();
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } finally {
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
    }

    // After this node lost its line to the others: what they changed meanwhile is unknown.
    private void resynchronize() {
        pageCache.purgeAll();
        indexer.rebuildInBackground(background, "changes made on other nodes may have been missed");
    }

    private void awaitBackground() {
        try {
            background.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }
}
