package org.wargeys.search;

import java.util.List;
import org.wargeys.article.ArticleEvent;
import org.wargeys.article.ArticleModule;
import org.wargeys.article.ArticlesChanged;
import org.wargeys.platform.Platform;

/**
 * Search: the Lucene index in {@code DATA/search-index}, kept in step with the articles by their events,
 * and rebuilt in the background when it is missing, of an older shape, asked for, or may have missed
 * other nodes' changes.
 */
public final class SearchModule implements AutoCloseable {

    /** How often the index looks at the journal for changes no event announced here. */
    static final java.time.Duration CATCH_UP = java.time.Duration.ofSeconds(15);

    private final Platform platform;
    private final SearchIndex index;
    private final ArticleIndexer indexer;
    private final org.wargeys.article.ArticleJournal journal;

    public SearchModule(Platform platform, ArticleModule articles) {
        this.platform = platform;
        this.journal = articles.journal();
        this.index = SearchIndex.open(platform.config().dataDir().resolve("search-index"), platform.clock());
        this.indexer = new ArticleIndexer(index, articles.service(), articles.journal(), articles.paths());
        var events = platform.events();
        // Subscribed before the page cache's purges: a page rendered after the purge must already find
        // the article in search results and related-article blocks.
        events.subscribe(ArticleEvent.class, e -> indexer.catchUp());
        events.subscribe(ArticlesChanged.class, e -> {
            indexer.catchUp();
            // Too many ids for a notification: the other nodes catch up from the journal.
            platform.cluster().tellOthers(new JournalGrew());
        });
        events.subscribe(JournalGrew.class, e -> catchUpUnheard());

        // Changes no event announced here (a terminal command, a lost notification) are caught up too.
        platform.jobs().every("Catching the search index up", CATCH_UP, CATCH_UP, this::catchUpUnheard);
        events.subscribe(RebuildSearchIndex.class, e -> rebuildInBackground(e.reason()));
        // A node whose index is being built from nothing would answer searches with nothing.
        platform.readiness().add("search_index", () -> !(indexer.isRebuilding() && index.size() == 0));
        platform.cluster().onResync(this::catchUpUnheard);
    }

    /** Rebuilds the index in the background if it needs it (or, with several nodes, to catch up with them). */
    public void start() {
        if (index.needsRebuild()) {
            rebuildInBackground("the index was missing, incomplete or of an older shape");
        } else if (indexer.tooFarBehind()) {
            rebuildInBackground("the index is older than the article journal keeps");
        } else {
            // What changed while this node was stopped (or crashed before its index write): from the journal.
            platform.jobs().background().execute(this::catchUpUnheard);
        }
    }

    /**
     * Catches up with changes no event announced on this node (a terminal command, a lost notification,
     * a crash) and says so, for the page cache to drop those articles' pages too.
     */
    private void catchUpUnheard() {
        List<Long> caughtUp = indexer.catchUp();
        if (!caughtUp.isEmpty()) platform.events().publish(new IndexCaughtUp(caughtUp));
    }

    private void rebuildInBackground(String reason) {
        indexer.rebuildInBackground(platform.jobs().background(), reason);
    }

    /**
     * How many article-journal entries the index has not applied yet (metrics: the search-index lag;
     * a few for a moment after a change, steadily growing when the index is stuck). Reads the database.
     */
    public long lag() {
        return Math.max(0, journal.last() - index.journal());
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
