package org.wargeys.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wargeys.platform.Text;

/**
 * The full-text index of published articles, one Lucene index under the data directory, searched
 * near-real-time: a change is visible to searches as soon as {@link #put} or {@link #remove} returns.
 * A missing, unreadable or half-built index is replaced by an empty one and {@link #needsRebuild()}
 * says so. Thread-safe; close once.
 */
public final class SearchIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    private static final String COMPLETE = "complete";
    /**
     * The shape of the documents. An index written with another shape (an older version of Wargeys)
     * is rebuilt on start like an incomplete one. 2: term vectors on headline and body.
     */
    private static final String SCHEMA = "schema";

    static final String SCHEMA_VERSION = "2";
    /** Results beyond this are counted only approximately (the page says "more than"). */
    static final int EXACT_COUNT_UP_TO = 1_000;
    /** How many of the best matches by relevance are reordered by freshness. */
    static final int RESCORE_WINDOW = 200;

    static final int MAX_PAGE = 100;

    /**
     * Body text: stored for snippets, with offsets in the postings so highlighting never re-analyses it,
     * and term vectors so related articles read an article's words instead of re-analysing its text.
     */
    private static final org.apache.lucene.document.FieldType BODY = textType(true);
    /** Headline: stored for results, with term vectors for related articles. */
    private static final org.apache.lucene.document.FieldType HEADLINE = textType(false);

    private final Path dir;
    private final Clock clock;
    private final SearchAnalyzers analyzers = new SearchAnalyzers();
    private final Directory directory;
    private final IndexWriter writer;
    private final java.util.concurrent.atomic.LongAdder commits = new java.util.concurrent.atomic.LongAdder();
    private final SearcherManager searchers;
    private final boolean needsRebuild;
    private final com.github.benmanes.caffeine.cache.Cache<Term, Integer> docFreqs =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumSize(50_000)
                    .expireAfterWrite(java.time.Duration.ofMinutes(10))
                    .build();

    private SearchIndex(Path dir, Clock clock) throws IOException {
        this.dir = dir;
        this.clock = clock;
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
        this.needsRebuild = !usable || !"true".equals(data.get(COMPLETE)) || !SCHEMA_VERSION.equals(data.get(SCHEMA));
        if (needsRebuild)
            writer.setLiveCommitData(
                    Map.of(COMPLETE, "false", SCHEMA, SCHEMA_VERSION).entrySet());
        this.searchers = new SearcherManager(writer, true, false, null);
    }

    /** Opens (or creates) the index in {@code dir}. */
    public static SearchIndex open(Path dir, Clock clock) {
        try {
            return new SearchIndex(dir, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index in " + dir, e);
        }
    }

    /** True when the index was missing, unreadable or not completely built: rebuild it from the database. */
    public boolean needsRebuild() {
        return needsRebuild;
    }

    /** Adds or replaces an article; searchable when this returns. */
    public void put(IndexedArticle article) {
        try {
            writer.updateDocument(new Term("id", Long.toString(article.id())), document(article));
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces many articles, visible when this returns (bulk loads and rebuilds). */
    public void putAll(List<IndexedArticle> articles) {
        try {
            for (IndexedArticle article : articles) {
                writer.updateDocument(new Term("id", Long.toString(article.id())), document(article));
            }
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces an article without making it visible yet: call {@link #refresh()} after a batch. */
    void write(IndexedArticle article) {
        try {
            writer.updateDocument(new Term("id", Long.toString(article.id())), document(article));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes an article without making that visible yet: call {@link #refresh()} after a batch. */
    void forget(long articleId) {
        try {
            writer.deleteDocuments(new Term("id", Long.toString(articleId)));
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
    public void remove(long articleId) {
        try {
            writer.deleteDocuments(new Term("id", Long.toString(articleId)));
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes what was written durable; {@code complete} marks the index as fully built. */
    public void commit(boolean complete) {
        try {
            if (complete)
                writer.setLiveCommitData(
                        Map.of(COMPLETE, "true", SCHEMA, SCHEMA_VERSION).entrySet());
            writer.commit();
            commits.increment();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many times the index was committed since it was opened (metrics; tests count them). */
    public long commits() {
        return commits.sum();
    }

    /** Every article id in the index. */
    public Set<Long> ids() {
        return withSearcher(searcher -> {
            Set<Long> ids = new HashSet<>();
            for (var leaf : searcher.getIndexReader().leaves()) {
                var live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) continue;
                    ids.add(Long.parseLong(stored.document(doc, Set.of("id")).get("id")));
                }
            }
            return ids;
        });
    }

    public int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /** One page of the articles matching the query, best first; no words means no results. */
    public SearchResults search(SearchQuery query) {
        int page = Math.min(query.page(), MAX_PAGE);
        BooleanQuery.Builder filters =
                new BooleanQuery.Builder().add(new TermQuery(new Term("language", query.language())), Occur.FILTER);
        if (query.sectionKey() != null)
            filters.add(new TermQuery(new Term("section", query.sectionKey())), Occur.FILTER);
        if (query.from() != null || query.until() != null) {
            long from = query.from() == null ? Long.MIN_VALUE : query.from().toEpochMilli();
            long until = query.until() == null ? Long.MAX_VALUE : query.until().toEpochMilli() - 1;
            filters.add(LongPoint.newRangeQuery("published", from, until), Occur.FILTER);
        }
        return withSearcher(searcher -> {
            Query text = TextQuery.of(
                    query.text() == null ? "" : query.text(), query.language(), analyzers, searcher.getIndexReader());
            if (text == null) return SearchResults.none(query.pageSize());
            Query relevance = filters.add(text, Occur.MUST).build();
            int wanted = page * query.pageSize();
            TopDocs top = searcher.search(
                    relevance, new TopScoreDocCollectorManager(Math.max(wanted, RESCORE_WINDOW), EXACT_COUNT_UP_TO));
            ScoreDoc[] ranked = RecencyBoost.rescore(searcher, top.scoreDocs, "published", clock.millis());
            int start = Math.min((page - 1) * query.pageSize(), ranked.length);
            ScoreDoc[] pageDocs = java.util.Arrays.copyOfRange(ranked, start, Math.min(wanted, ranked.length));
            String bodyField = SearchAnalyzers.field("body", query.language());
            String[] snippets = snippets(searcher, text, bodyField, pageDocs);
            List<SearchHit> hits = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (int i = 0; i < pageDocs.length; i++) {
                Document doc = stored.document(pageDocs[i].doc);
                hits.add(hit(doc, snippets[i] != null ? snippets[i] : escape(doc.get("summary"))));
            }
            boolean exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
            return new SearchResults(hits, top.totalHits.value, exact, page, query.pageSize());
        });
    }

    /**
     * Up to {@code limit} published articles in the same language whose words are most like this
     * one's; never the article itself nor any of its translations. Empty if it is not indexed.
     */
    public List<SearchHit> related(long articleId, int limit) {
        return withSearcher(searcher -> {
            TopDocs self = searcher.search(new TermQuery(new Term("id", Long.toString(articleId))), 1);
            if (self.scoreDocs.length == 0) return List.of();
            Document doc = searcher.storedFields().document(self.scoreDocs[0].doc);
            String language = doc.get("language");
            Query like = RelatedQuery.of(
                    searcher.getIndexReader(),
                    self.scoreDocs[0].doc,
                    List.of(SearchAnalyzers.field("headline", language), SearchAnalyzers.field("body", language)),
                    this::docFreq);
            if (like == null) return List.of();
            Query query = new BooleanQuery.Builder()
                    .add(like, Occur.MUST)
                    .add(new TermQuery(new Term("language", language)), Occur.FILTER)
                    .add(new TermQuery(new Term("group", doc.get("group"))), Occur.MUST_NOT)
                    .build();
            List<SearchHit> hits = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            // Counting every match is not needed: the threshold lets the scorer skip documents that
            // cannot reach the top few, which is most of the cost on a large index.
            for (ScoreDoc found :
                    searcher.search(query, new TopScoreDocCollectorManager(limit, null, limit)).scoreDocs) {
                Document d = stored.document(found.doc);
                hits.add(hit(d, escape(d.get("summary"))));
            }
            return hits;
        });
    }

    // Counting a word's articles seeks the term dictionary of every segment; related articles ask for
    // the same common words again and again. A count a few minutes old chooses the same words.
    private int docFreq(org.apache.lucene.index.IndexReader reader, Term term) throws IOException {
        Integer cached = docFreqs.getIfPresent(term);
        if (cached != null) return cached;
        int count = reader.docFreq(term);
        docFreqs.put(term, count);
        return count;
    }

    private String[] snippets(IndexSearcher searcher, Query text, String field, ScoreDoc[] docs) throws IOException {
        if (docs.length == 0) return new String[0];
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzers)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(100_000)
                .build();
        int[] ids = new int[docs.length];
        for (int i = 0; i < docs.length; i++) ids[i] = docs[i].doc;
        Map<String, String[]> found = highlighter.highlightFields(new String[] {field}, text, ids, new int[] {2});
        return found.get(field);
    }

    private static SearchHit hit(Document doc, String snippet) {
        String section = doc.get("section_name");
        return new SearchHit(
                Long.parseLong(doc.get("id")),
                doc.get("headline"),
                doc.get("path"),
                snippet,
                section,
                Instant.ofEpochMilli(doc.getField("published_at").numericValue().longValue()));
    }

    private Document document(IndexedArticle a) {
        Document doc = new Document();
        String lang = a.language();
        doc.add(new StringField("id", Long.toString(a.id()), Field.Store.YES));
        doc.add(new StringField("group", Long.toString(a.translationGroupId()), Field.Store.YES));
        doc.add(new StringField("language", lang, Field.Store.YES));
        if (a.sectionKey() != null) doc.add(new StringField("section", a.sectionKey(), Field.Store.NO));
        if (a.sectionName() != null) doc.add(new StoredField("section_name", a.sectionName()));
        for (String tag : a.tagKeys()) doc.add(new StringField("tag", tag, Field.Store.NO));
        long published = a.publishedAt().toEpochMilli();
        doc.add(new LongPoint("published", published));
        doc.add(new NumericDocValuesField("published", published));
        doc.add(new StoredField("published_at", published));
        doc.add(new StoredField("path", a.path()));
        doc.add(new StoredField("headline", a.headline()));
        doc.add(new StoredField("summary", summary(a)));
        doc.add(new Field(SearchAnalyzers.field("headline", lang), a.headline(), HEADLINE));
        doc.add(new TextField(SearchAnalyzers.field("standfirst", lang), a.standfirst(), Field.Store.NO));
        doc.add(new Field(SearchAnalyzers.field("body", lang), a.bodyText(), BODY));
        return doc;
    }

    private static org.apache.lucene.document.FieldType textType(boolean offsets) {
        var type = new org.apache.lucene.document.FieldType(TextField.TYPE_STORED);
        if (offsets)
            type.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.setStoreTermVectors(true);
        type.freeze();
        return type;
    }

    private static String summary(IndexedArticle a) {
        String text = a.standfirst().isBlank() ? a.bodyText() : a.standfirst();
        return Text.shorten(text, 240);
    }

    private static String escape(String text) {
        if (text == null) return "";
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
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

    public Path directory() {
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
