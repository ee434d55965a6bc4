package org.wargeys.live;

import org.wargeys.article.ArticleModule;
import org.wargeys.media.MediaModule;
import org.wargeys.platform.Platform;

/**
 * Live blogs (issue 17): coverage of a translation group, its entries in every language, the reads
 * readers' pages and the composer need. The page cache's purges of live pages are the pages module's
 * ({@link LiveBlogChanged}).
 */
public final class LiveModule {

    private final LiveReads reads;
    private final LiveBlogs blogs;

    public LiveModule(Platform platform, ArticleModule articles, MediaModule media) {
        var jdbi = platform.database().jdbi();
        this.reads = new LiveReads(jdbi);
        this.blogs = new LiveBlogs(
                jdbi,
                platform.transactions(),
                articles.service(),
                articles.origins(),
                articles.bodies(),
                media.service(),
                platform.audit(),
                platform.clock(),
                reads);
    }

    public LiveBlogs blogs() {
        return blogs;
    }

    public LiveReads reads() {
        return reads;
    }
}
