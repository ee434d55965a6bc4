package org.wargeys.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full-text index of published articles, one Lucene index under the data directory, searched
 * near-real-time: a change is visible to searches as soon as {@link #put} or {@link #remove} returns.
 * A missing, unreadable or half-built index is replaced by an empty one and {@link #needsRebuild()}
 * says so. Thread-safe; close once.
 */
public final class SearchIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    private static final String COMPLETE = "complete";
    /** The shape of the documents the index was written with ({@link ArticleDocument#VERSION}). */
    private static final String SCHEMA = "schema";
    /** The last entry of the article journal the committed index reflects. */
    private static final String JOURNAL = "journal";

    private final Path dir;
    private final SearchAnalyzers analyzers = new SearchAnalyzers();
    private final Directory directory;
    private final IndexWriter writer;
    private final java.util.concurrent.atomic.LongAdder commits = new java.util.concurrent.atomic.LongAdder();
    private final SearcherManager searchers;
    private final boolean needsRebuild;
    private volatile boolean complete;
    private volatile long journal;
    private final ArticleSearch search;
    private final RelatedArticles related = new RelatedArticles();

    /**
     * Searches running at once: half the cores, so that a flood of searches (each a few milliseconds
     * of CPU) leaves the other half to the readers of cached pages. Related-article blocks are not
     * bounded here: they are rendered once per article and then kept with the page.
     */
    static final int SEARCHES_AT_ONCE = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    /** A search waits this long for a slot, then is refused (a reader retries; a flood is shed). */
    static final java.time.Duration SEARCH_WAIT = java.time.Duration.ofSeconds(2);

    private final java.util.concurrent.Semaphore running;
    private final java.time.Duration wait;

    private SearchIndex(Path dir, Clock clock, int atOnce, java.time.Duration wait) throws IOException {
        this.dir = dir;
        this.running = new java.util.concurrent.Semaphore(atOnce, true);
        this.wait = wait;
        Files.createDirectories(dir);
        boolean usable = usable(dir);
        if (!usable) wipe(dir);
        this.directory = FSDirectory.open(dir);
        IndexWriterConfig config = new IndexWriterConfig(analyzers)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
        Map<String, String> data = new java.util.HashMap<>();
        writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
        this.needsRebuild =
                !usable || !"true".equals(data.get(COMPLETE)) || !ArticleDocument.VERSION.equals(data.get(SCHEMA));
        this.complete = !needsRebuild;
        this.journal = needsRebuild ? 0 : parseLong(data.get(JOURNAL));
        if (needsRebuild) setCommitData();
        this.searchers = new SearcherManager(writer, true, false, null);
        this.search = new ArticleSearch(analyzers, clock);
    }

    /** Opens (or creates) the index in {@code dir}. */
    public static SearchIndex open(Path dir, Clock clock) {
        return open(dir, clock, SEARCHES_AT_ONCE, SEARCH_WAIT);
    }

    /**
     * @param atOnce searches that may run at the same time
     * @param wait how long a search waits for a slot before {@link SearchBusy}
     */
    static SearchIndex open(Path dir, Clock clock, int atOnce, java.time.Duration wait) {
        try {
            return new SearchIndex(dir, clock, atOnce, wait);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index in " + dir, e);
        }
    }

    /** True when the index was missing, unreadable or not completely built: rebuild it from the database. */
    public boolean needsRebuild() {
        return needsRebuild;
    }

    /** Adds or replaces an article; searchable when this returns. */
    void put(IndexedArticle article) {
        try {
            writer.updateDocument(ArticleDocument.id(article.id()), ArticleDocument.of(article));
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces many articles, visible when this returns (bulk loads and rebuilds). */
    public void putAll(List<IndexedArticle> articles) {
        try {
            for (IndexedArticle article : articles) {
                writer.updateDocument(ArticleDocument.id(article.id()), ArticleDocument.of(article));
            }
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces an article without making it visible yet: call {@link #refresh()} after a batch. */
    void write(IndexedArticle article) {
        try {
            writer.updateDocument(ArticleDocument.id(article.id()), ArticleDocument.of(article));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes an article without making that visible yet: call {@link #refresh()} after a batch. */
    void forget(long articleId) {
        try {
            writer.deleteDocuments(ArticleDocument.id(articleId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes everything written so far visible to searches. */
    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes an article; gone from results when this returns. */
    void remove(long articleId) {
        try {
            writer.deleteDocuments(ArticleDocument.id(articleId));
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes what was written durable; {@code complete} marks the index as fully built. */
    public void commit(boolean complete) {
        commit(complete, journal);
    }

    /**
     * Makes what was written durable, recording the last journal entry it reflects (with the data, in
     * the same Lucene commit: a crash keeps both or neither).
     */
    void commit(boolean complete, long journalEntry) {
        try {
            if (complete) this.complete = true;
            this.journal = Math.max(this.journal, journalEntry);
            setCommitData();
            writer.commit();
            commits.increment();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last article-journal entry the index reflects (0: none yet). */
    long journal() {
        return journal;
    }

    /** Starts the index over from an earlier journal position (a rebuild records where it began). */
    void resetJournal(long entry) {
        this.journal = entry;
    }

    private void setCommitData() {
        writer.setLiveCommitData(Map.of(
                        COMPLETE, Boolean.toString(complete),
                        SCHEMA, ArticleDocument.VERSION,
                        JOURNAL, Long.toString(journal))
                .entrySet());
    }

    private static long parseLong(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** How many times the index was committed since it was opened (metrics; tests count them). */
    public long commits() {
        return commits.sum();
    }

    /**
     * The article ids in the index that {@code keep} rejects, read by a walk over the stored ids (a
     * rebuild's stale ones: few, whereas a set of every id would hold a million boxed numbers).
     */
    List<Long> idsExcept(java.util.function.LongPredicate keep) {
        return withSearcher(searcher -> {
            List<Long> rejected = new java.util.ArrayList<>();
            Set<String> idField = Set.of(ArticleDocument.ID);
            for (var leaf : searcher.getIndexReader().leaves()) {
                var live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) continue;
                    long id = Long.parseLong(stored.document(doc, idField).get(ArticleDocument.ID));
                    if (!keep.test(id)) rejected.add(id);
                }
            }
            return rejected;
        });
    }

    /**
     * Empties the index to write it again from nothing, marked incomplete until the rebuild commits:
     * a rebuild stopped half-way is redone on the next start instead of serving half the site.
     */
    void startOver() {
        try {
            writer.deleteAll();
            complete = false;
            setCommitData();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds an article known not to be in the index (a rebuild from nothing): no delete to look up. */
    void add(IndexedArticle article) {
        try {
            writer.addDocument(ArticleDocument.of(article));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /** One page of the articles matching the query, best first; no words means no results. */
    /** The search slots (tests take them all to see a flood refused). */
    java.util.concurrent.Semaphore slots() {
        return running;
    }

    public SearchResults search(SearchQuery query) {
        boolean admitted;

        try {
            admitted = running.tryAcquire(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SearchBusy();
        }
        if (!admitted) throw new SearchBusy();
        try {
            return withSearcher(searcher -> search.run(searcher, query));
        } finally {
            running.release();
        }
    }

    /**
     * Up to {@code limit} published articles in the same language whose words are most like this
     * one's; never the article itself nor any of its translations. Empty if it is not indexed.
     */
    public List<SearchHit> related(long articleId, int limit) {
        return withSearcher(searcher -> related.of(searcher, articleId, limit));
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // An index is usable if it exists and its last commit and segments open; anything else is rebuilt.
    private static boolean usable(Path dir) {
        try (Directory d = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(d)) return false;
            try (DirectoryReader reader = DirectoryReader.open(d)) {
                return reader.numDocs() >= 0;
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("The search index in {} cannot be read ({}); it will be rebuilt", dir, e.toString());
            return false;
        }
    }

    private static void wipe(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isRegularFile(file)) Files.delete(file);
            }
        }
    }

    Path directory() {
        return dir;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            if (writer.isOpen()) writer.commit();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            analyzers.close();
        }
    }
}
