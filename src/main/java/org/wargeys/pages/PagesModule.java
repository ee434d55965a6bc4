package org.wargeys.pages;

import org.wargeys.article.ArticleEvent;
import org.wargeys.article.ArticleModule;
import org.wargeys.article.ArticlesChanged;
import org.wargeys.article.TaxonomyChanged;
import org.wargeys.feed.FeedModule;
import org.wargeys.feed.FeedSettingsChanged;
import org.wargeys.live.LiveBlogChanged;
import org.wargeys.live.LiveModule;
import org.wargeys.media.ImageDescribed;
import org.wargeys.media.MediaModule;
import org.wargeys.platform.Platform;
import org.wargeys.search.IndexCaughtUp;
import org.wargeys.search.SearchModule;
import org.wargeys.sharing.ShareTotalsChanged;
import org.wargeys.sharing.SharingModule;
import org.wargeys.sitemap.SitemapModule;
import org.wargeys.translation.TranslationModule;
import org.wargeys.web.EmptyPageCache;
import org.wargeys.web.WebModule;

/**
 * The public site: home, article, archive and search pages, feeds and sitemaps, composed from the
 * features; and the purges that drop exactly the kept pages a change touches.
 */
public final class PagesModule {

    private final HomePages home;
    private final ArticlePages articlePages;
    private final SearchPages search;
    private final ArchivePages archives;
    private final FeedPages feeds;
    private final SitemapPages sitemaps;
    private final LivePages live;

    public PagesModule(
            Platform platform,
            WebModule web,
            ArticleModule articles,
            TranslationModule translations,
            MediaModule media,
            SearchModule searchModule,
            SharingModule sharing,
            FeedModule feedModule,
            SitemapModule sitemapModule,
            LiveModule liveModule) {
        var site = platform.site();
        this.live = new LivePages(
                site,
                articles.service(),
                articles.paths(),
                liveModule.reads(),
                media.service(),
                web.layouts(),
                web.renderer());
        this.home = new HomePages(
                site,
                articles.service(),
                articles.paths(),
                web.layouts(),
                web.renderer(),
                web.negotiation(),
                liveModule.reads());
        this.articlePages = new ArticlePages(
                site,
                articles.service(),
                translations.service(),
                articles.paths(),
                web.layouts(),
                web.renderer(),
                sharing.articles(),
                articles.corrections(),
                media.service(),
                searchModule.index(),
                live);
        this.search = new SearchPages(
                site, searchModule.index(), searchModule.indexer(), articles.archive(), web.layouts(), web.renderer());
        this.archives = new ArchivePages(
                site,
                articles.service(),
                articles.archive(),
                articles.paths(),
                web.layouts(),
                web.renderer(),
                liveModule.reads());
        this.feeds = new FeedPages(site, feedModule.service());
        this.sitemaps = new SitemapPages(sitemapModule.service(), site);

        PageCachePurger purger = new PageCachePurger(web.pageCache(), articles.service(), site);
        var events = platform.events();
        events.subscribe(ArticleEvent.class, purger::onArticle);
        events.subscribe(TaxonomyChanged.class, purger::onTaxonomyChanged);
        events.subscribe(ImageDescribed.class, purger::onImageDescribed);
        events.subscribe(ShareTotalsChanged.class, purger::onShareTotalsChanged);
        events.subscribe(FeedSettingsChanged.class, purger::onFeedSettingsChanged);
        events.subscribe(org.wargeys.sharing.XAccountChanged.class, purger::onXAccountChanged);
        events.subscribe(IndexCaughtUp.class, purger::onCaughtUp);
        events.subscribe(LiveBlogChanged.class, purger::onLive);
        events.subscribe(ArticlesChanged.class, e -> {
            purger.onArticlesChanged(e);
            // Too many ids for a notification: the other nodes drop every page they keep.
            platform.cluster().tellOthers(new EmptyPageCache());
        });
    }

    public HomePages home() {
        return home;
    }

    public ArticlePages articles() {
        return articlePages;
    }

    public SearchPages search() {
        return search;
    }

    public ArchivePages archives() {
        return archives;
    }

    public FeedPages feeds() {
        return feeds;
    }

    /** Live blogs' poll answers and feeds (issue 17). */
    public LivePages live() {
        return live;
    }

    public SitemapPages sitemaps() {
        return sitemaps;
    }
}
