package org.wargeys.sitemap;

import org.wargeys.article.ArticleModule;
import org.wargeys.platform.Platform;

/** Sitemaps of every language and the news sitemap, written from the published articles. */
public final class SitemapModule {

    private final SitemapService service;

    public SitemapModule(Platform platform, ArticleModule articles) {
        this.service = new SitemapService(platform.site(), articles.archive(), articles.paths(), platform.clock());
    }

    public SitemapService service() {
        return service;
    }
}
