package org.wargeys;

import java.time.Clock;
import org.wargeys.account.AccountModule;
import org.wargeys.api.ApiModule;
import org.wargeys.article.ArticleModule;
import org.wargeys.backup.BackupModule;
import org.wargeys.demo.DemoContent;
import org.wargeys.desk.DeskMailModule;
import org.wargeys.desk.DeskModule;
import org.wargeys.feed.FeedModule;
import org.wargeys.importer.ImporterModule;
import org.wargeys.live.LiveModule;
import org.wargeys.mail.MailModule;
import org.wargeys.media.MediaModule;
import org.wargeys.metrics.MetricsModule;
import org.wargeys.newsletter.NewsletterModule;
import org.wargeys.newsroom.NewsroomModule;
import org.wargeys.pages.PagesModule;
import org.wargeys.platform.Config;
import org.wargeys.platform.Platform;
import org.wargeys.search.SearchModule;
import org.wargeys.sharing.SharingModule;
import org.wargeys.sitemap.SitemapModule;
import org.wargeys.translation.TranslationModule;
import org.wargeys.web.WebModule;
import org.wargeys.web.WebServer;
import org.wargeys.webhook.WebhookModule;

/**
 * The composition root: the feature modules, each built on the ones before it (the search index
 * hears of an article before the page cache purges its pages), then the web server over the URL table
 * in {@link Routes}. Tests build the same wiring on a temporary data directory and a fixed clock.
 */
public final class Wiring implements AutoCloseable {

    private final Platform platform;
    private SearchModule search;
    private WebModule web;
    private MediaModule media;
    private AccountModule accounts;
    private ArticleModule articles;
    private TranslationModule translations;
    private SharingModule sharing;
    private FeedModule feeds;
    private PagesModule pages;
    private DeskModule desk;
    private NewsroomModule newsroom;
    private ImporterModule importer;
    private MetricsModule metrics;
    private ApiModule api;
    private WebhookModule webhooks;
    private MailModule mail;
    private NewsletterModule newsletters;
    private LiveModule live;
    private DeskMailModule deskMail;
    private WebServer server;

    public Wiring(Config config, Clock clock) {
        this.platform = Platform.open(config, clock);
        try {
            web = new WebModule(platform);
            media = new MediaModule(platform);
            accounts = new AccountModule(platform);
            mail = new MailModule(platform);
            articles = new ArticleModule(platform, media, accounts);
            translations = new TranslationModule(platform, articles);
            search = new SearchModule(platform, articles);
            sharing = new SharingModule(platform, web, articles);
            feeds = new FeedModule(platform, web, articles);
            var sitemaps = new SitemapModule(platform, articles);
            desk = new DeskModule(platform, accounts, articles);
            live = new LiveModule(platform, articles, media); // live blogs (issue 17)
            pages = new PagesModule(
                    platform, web, articles, translations, media, search, sharing, feeds, sitemaps, live);
            api = new ApiModule(platform, web, accounts, media, articles, translations, search);
            webhooks = new WebhookModule(platform, articles);
            newsletters = new NewsletterModule(platform, web, articles, media, mail);
            deskMail = new DeskMailModule(platform, web, articles, mail);
            newsroom = new NewsroomModule(
                    platform,
                    web,
                    articles,
                    translations,
                    media,
                    accounts,
                    sharing,
                    search,
                    feeds,
                    api,
                    webhooks,
                    desk,
                    newsletters,
                    deskMail,
                    mail,
                    live,
                    pages.articles()::preview);
            importer = new ImporterModule(platform, articles, media);
            new BackupModule(platform); // scheduled backups, when configured
            metrics = new MetricsModule(platform, web, search, webhooks, mail);

            if (config.loadDemo()) new DemoContent(articles.service(), platform.site()).loadIfEmpty();
            server = web.server(
                    importer.oldAddresses()::find,
                    NewsroomModule.MAX_MULTIPART_BYTES,
                    routes -> Routes.register(routes, this));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts the search index's catch-up, the web server, the metrics port and the recurring work; returns the port. */
    public int start() {
        search.start();
        int port = server.start();
        metrics.start();
        platform.start();
        return port;
    }

    /**
     * A graceful stop: stops hearing other nodes and taking connections, lets the requests in flight
     * finish (up to ten seconds) and the purges on their way to the cache in front arrive, lets
     * background work stop, then closes the search index (its lock released) and the storage.
     */
    @Override
    public void close() {
        try (platform) {
            platform.cluster().close();
            if (server != null) server.close();
            if (web != null) web.awaitPurges();
            if (metrics != null) metrics.close();
            if (webhooks != null) webhooks.close();
            if (deskMail != null) deskMail.close();
            if (mail != null) mail.close();
            if (search != null) search.stop();
            platform.jobs().close();
        } finally {
            if (search != null) search.close();
        }
    }

    public LiveModule live() {
        return live;
    }

    public DeskMailModule deskMail() {
        return deskMail;
    }

    public MetricsModule metrics() {
        return metrics;
    }

    public Platform platform() {
        return platform;
    }

    public WebModule web() {
        return web;
    }

    public MediaModule media() {
        return media;
    }

    public AccountModule accounts() {
        return accounts;
    }

    public ArticleModule articles() {
        return articles;
    }

    public TranslationModule translations() {
        return translations;
    }

    public SearchModule search() {
        return search;
    }

    public SharingModule sharing() {
        return sharing;
    }

    public FeedModule feeds() {
        return feeds;
    }

    public PagesModule pages() {
        return pages;
    }

    public DeskModule desk() {
        return desk;
    }

    public NewsroomModule newsroom() {
        return newsroom;
    }

    public ImporterModule importer() {
        return importer;
    }

    public ApiModule api() {
        return api;
    }

    public WebhookModule webhooks() {
        return webhooks;
    }

    public MailModule mail() {
        return mail;
    }

    public NewsletterModule newsletters() {
        return newsletters;
    }
}
