package org.wargeys.search;

import org.wargeys.article.ArticleEvent;
import org.wargeys.article.ArticleModule;
import org.wargeys.article.ArticlesChanged;
import org.wargeys.platform.Dialect;
import org.wargeys.platform.Platform;

/**
 * Search: the Lucene index in {@code DATA/search-index}, kept in step with the articles by their events,
 * and rebuilt in the background when it is missing, of an older shape, asked for, or may have missed
 * other nodes' changes.
 */
public final class SearchModule implements AutoCloseable {

    private final Platform platform;
    private final SearchIndex index;
    private final ArticleIndexer indexer;

    public SearchModule(Platform platform, ArticleModule articles) {
        this.platform = platform;
        this.index = SearchIndex.open(platform.config().dataDir().resolve("search-index"), platform.clock());
        this.indexer = new ArticleIndexer(index, articles.service(), articles.paths(), platform.site());
        var events = platform.events();
        // Subscribed before the page cache's purges: a page rendered after the purge must already find
        // the article in search results and related-article blocks.
        events.subscribe(ArticleEvent.class, indexer::changed);
        events.subscribe(ArticlesChanged.class, e -> {
            indexer.changed(e);
            // Too many ids for a notification: the other nodes re-read their whole index.
            platform.cluster().tellOthers(new RebuildSearchIndex("articles were imported on another node"));
        });
        events.subscribe(RebuildSearchIndex.class, e -> rebuildInBackground(e.reason()));
        // A node whose index is being built from nothing would answer searches with nothing.
        platform.readiness().add("search_index", () -> !(indexer.isRebuilding() && index.size() == 0));
        platform.cluster().onResync(() -> rebuildInBackground("changes made on other nodes may have been missed"));
    }

    /** Rebuilds the index in the background if it needs it (or, with several nodes, to catch up with them). */
    public void start() {
        if (platform.database().dialect() == Dialect.POSTGRESQL) {
            // Other nodes may have changed articles while this one was stopped, and their notifications
            // are gone: re-read the index from the database while the site serves.
            rebuildInBackground("other nodes may have changed articles while this one was stopped");
        } else {
            indexer.rebuildIfNeeded(platform.jobs().background());
        }
    }

    private void rebuildInBackground(String reason) {
        indexer.rebuildInBackground(platform.jobs().background(), reason);
    }

    public SearchIndex index() {
        return index;
    }

    public ArticleIndexer indexer() {
        return indexer;
    }

    /** Asks a rebuild in progress to stop (before the program's threads are stopped). */
    public void stop() {
        indexer.stop();
    }

    @Override
    public void close() {
        index.close();
    }
}
