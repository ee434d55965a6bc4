package org.wargeys.search;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleDetails;
import org.wargeys.article.ArticleJournal;
import org.wargeys.article.ArticlePaths;
import org.wargeys.article.ArticleService;
import org.wargeys.article.Tag;
import org.wargeys.platform.NotFoundException;

/**
 * Keeps the search index in step with the database: listens to articles going live or down, and
 * rebuilds the whole index from the database when asked (or in the background when the index was
 * missing or broken). An article is read from the database and written to the index under one lock,
 * so a rebuild never puts back an article that was unpublished meanwhile. Thread-safe.
 */
public final class ArticleIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleIndexer.class);
    private static final int BATCH = 1000;
    private static final int REBUILD_BATCH = 500;
    private static final int VISIBLE_EVERY = 10_000;

    /** Told how far a rebuild has come. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);
    }

    private final SearchIndex index;
    private final ArticleService articles;
    private final ArticleJournal journal;
    // Journal entries at or below the index's position applied lately (the re-read window): not again.
    private final java.util.Set<Long> applied = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());
    private final ArticlePaths paths;
    private final Object lock = new Object();
    private volatile boolean stopped;
    private volatile CompletableFuture<Integer> rebuilding = CompletableFuture.completedFuture(0);

    ArticleIndexer(SearchIndex index, ArticleService articles, ArticleJournal journal, ArticlePaths paths) {
        this.index = index;
        this.articles = articles;
        this.journal = journal;
        this.paths = paths;
    }

    /**
     * Brings the index up to the article journal: every entry after the last one applied is read from
     * the database and written, then committed with the new position — one write and one commit for a
     * save, one batch for an import. Called for every article event (local or from another node), on a
     * schedule, on start and after a lost line to the other nodes; whatever was missed (a crash between
     * a commit and the index write, a terminal command's changes) is caught up. Also while a full
     * rebuild runs: each article is read and written under one lock, so neither undoes the other, and
     * the rebuild, which records where the journal stood when it began, is caught up after it ends.
     * Returns the articles it brought up to date.
     */
    List<Long> catchUp() {
        synchronized (catchingUp) {
            java.util.Set<Long> done = new java.util.LinkedHashSet<>();
            long position = index.journal();
            long committed = position;
            while (true) {
                final long from = position;
                List<ArticleJournal.Entry> entries = journal.since(from, BATCH);
                List<ArticleJournal.Entry> fresh = entries.stream()
                        .filter(e -> e.id() > from || !applied.contains(e.id()))
                        .toList();
                for (ArticleJournal.Entry entry : fresh) position = Math.max(position, entry.id());
                if (!fresh.isEmpty())
                    refreshAll(
                            fresh.stream().map(ArticleJournal.Entry::articleId).collect(Collectors.toSet()));
                boolean more = !fresh.isEmpty() && entries.size() >= BATCH;
                // Visible and durable a batch at a time for the few changes of a save; an import's
                // hundreds of thousands every 10,000 (each refresh flushes a segment, each commit syncs).
                if (position > committed && (!more || position - committed >= VISIBLE_EVERY)) {
                    index.refresh();
                    index.commit(false, position);
                    committed = position;
                }
                for (ArticleJournal.Entry entry : fresh) remember(entry.id());
                fresh.forEach(e -> done.add(e.articleId()));
                if (!more) return List.copyOf(done);
            }
        }
    }

    // Brings several articles into agreement with the database: four queries for all of them, their
    // text analysed on the machine's cores; visible after the next index refresh.
    private void refreshAll(Set<Long> ids) {
        synchronized (lock) {
            List<ArticleDetails> published = articles.publishedDetails(ids);
            published.parallelStream().map(this::indexed).forEach(index::write);
            Set<Long> gone = new HashSet<>(ids);
            published.forEach(d -> gone.remove(d.article().id()));
            gone.forEach(index::forget);
        }
    }

    private final Object catchingUp = new Object();

    private void remember(long entryId) {
        applied.add(entryId);
        // Only the re-read window matters; keep the set small.
        if (applied.size() > 4 * ArticleJournal.REREAD) {
            long floor = index.journal() - ArticleJournal.REREAD;
            applied.removeIf(id -> id < floor);
        }
    }

    /** True when the journal no longer holds the entries after the index's position (a rebuild is due). */
    boolean tooFarBehind() {
        long first = journal.first();
        return first > 0 && index.journal() < first - 1;
    }

    /** Starts a rebuild on {@code executor} if the index needs one; the site keeps serving meanwhile. */
    void rebuildIfNeeded(ExecutorService executor) {
        if (index.needsRebuild())
            rebuildInBackground(executor, "the index was missing, incomplete or of an older shape");
    }

    /** Starts a rebuild on {@code executor}, unless one is running; the site keeps serving meanwhile. */
    synchronized void rebuildInBackground(ExecutorService executor, String reason) {
        if (isRebuilding()) return;
        LOG.info("Rebuilding the search index in the background: {}", reason);
        rebuilding = CompletableFuture.supplyAsync(
                () -> {
                    int count = rebuild((done, total) -> {});
                    catchUp();
                    return count;
                },
                executor);
        rebuilding.whenComplete((count, failure) -> {
            if (failure != null && stopped) LOG.info("Search index rebuild stopped; it resumes on the next start");
            else if (failure != null) LOG.error("Rebuilding the search index failed", failure);
            else LOG.info("Search index rebuilt: {} articles", count);
        });
    }

    /** Asks a rebuild in progress to stop at the next article (the index stays marked incomplete). */
    void stop() {
        stopped = true;
    }

    /** The background rebuild in progress (or the last one); completes with the number of articles indexed. */
    public CompletableFuture<Integer> rebuilding() {
        return rebuilding;
    }

    public boolean isRebuilding() {
        return !rebuilding.isDone();
    }

    /**
     * Indexes every published article from the database and drops from the index whatever is not
     * published any more; returns the number of articles indexed.
     */
    public int rebuild(Progress progress) {
        // Where the journal stands before the articles are read: a change made meanwhile is caught up after.
        long from = journal.last();
        long[] published = writeAll(progress, false);
        // Ascending (the walk is by id), so membership is a binary search: 8 bytes an article.
        for (long stale : index.idsExcept(id -> java.util.Arrays.binarySearch(published, id) >= 0)) {
            refresh(stale, true);
        }
        index.resetJournal(from);
        index.commit(true, from);
        applied.clear();
        return published.length;
    }

    /**
     * Writes the index again from nothing: for {@code wargeys reindex}, the server stopped, when nobody
     * searches meanwhile. Twice as fast as {@link #rebuild} on a full index and half the disk: no old
     * copy of each article to replace, no stale pass (issue 20: a million articles).
     */
    public int rebuildFromNothing(Progress progress) {
        // Catching up waits: it replaces an article, and the rebuild's add of the same one after would
        // make two. What changed meanwhile is caught up after, from where the journal stood.
        synchronized (catchingUp) {
            long from = journal.last();
            index.startOver();
            long[] published = writeAll(progress, true);
            index.resetJournal(from);
            index.commit(true, from);
            applied.clear();
            return published.length;
        }
    }

    // Writes every published article, read a batch at a time by id (a keyset walk: no OFFSET, four
    // queries a batch), making them visible a batch at a time; commits nothing. The text of a batch is
    // analysed on the machine's cores (IndexWriter takes documents from several threads); each batch
    // is read and written under the lock, so a change caught up meanwhile is not undone. Returns the
    // ids written, ascending.
    private long[] writeAll(Progress progress, boolean intoEmpty) {
        int total = articles.countPublished();
        progress.update(0, total);
        java.util.stream.LongStream.Builder published = java.util.stream.LongStream.builder();
        int count = 0;
        long after = 0;
        java.util.function.Consumer<IndexedArticle> write = intoEmpty ? index::add : index::write;
        while (true) {
            if (stopped)
                throw new IllegalStateException("The program is stopping; the rebuild will resume on the next start");
            ArticleService.Stretch stretch;
            synchronized (lock) {
                stretch = articles.publishedDetailsAfter(after, REBUILD_BATCH);
                stretch.published().parallelStream().map(this::indexed).forEach(write);
            }
            List<ArticleDetails> batch = stretch.published();
            batch.forEach(d -> published.add(d.article().id()));
            int before = count;
            count += batch.size();
            after = stretch.lastId();
            // Visible as it goes, every 10,000 articles: each refresh flushes a segment to disk.
            if (count / VISIBLE_EVERY > before / VISIBLE_EVERY) index.refresh();
            progress.update(count, Math.max(total, count));
            if (!stretch.more()) break;
        }
        index.refresh();
        return published.build().toArray();
    }

    // Reads the article's current state and makes the index agree with it.
    private void refresh(long articleId, boolean visibleNow) {
        synchronized (lock) {
            Optional<Article> article = find(articleId).filter(Article::isPublished);
            if (article.isEmpty()) {
                if (visibleNow) index.remove(articleId);
                else index.forget(articleId);
            } else if (visibleNow) index.put(indexed(articles.details(article.get())));
            else index.write(indexed(articles.details(article.get())));
        }
    }

    private Optional<Article> find(long id) {
        try {
            return Optional.of(articles.find(id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private IndexedArticle indexed(ArticleDetails details) {
        Article a = details.article();
        return new IndexedArticle(
                a.id(),
                a.translationGroupId(),
                a.language(),
                a.headline(),
                a.standfirst(),
                Jsoup.parse(a.bodyHtml()).text(),
                details.section().map(s -> s.key()).orElse(null),
                details.section().map(s -> s.name()).orElse(null),
                details.tags().stream().map(Tag::key).toList(),
                paths.path(a),
                a.publishedAt());
    }
}
