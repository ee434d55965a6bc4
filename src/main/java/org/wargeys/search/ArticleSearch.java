package org.wargeys.search;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * A reader's search run on the index: the language, section and date filters, the words
 * ({@link TextQuery}), the best matches by relevance reordered by freshness ({@link RecencyBoost}), and
 * one page of them with snippets in which the matched words are marked. Thread-safe.
 */
final class ArticleSearch {

    /** Results beyond this are counted only approximately (the page says "more than"). */
    static final int EXACT_COUNT_UP_TO = 1_000;
    /** How many of the best matches by relevance are reordered by freshness. */
    static final int RESCORE_WINDOW = 200;

    static final int MAX_PAGE = 100;

    private final SearchAnalyzers analyzers;
    private final Clock clock;

    ArticleSearch(SearchAnalyzers analyzers, Clock clock) {
        this.analyzers = analyzers;
        this.clock = clock;
    }

    /** One page of the articles matching the query, best first; no words means no results. */
    SearchResults run(IndexSearcher searcher, SearchQuery query) throws IOException {
        int page = Math.min(query.page(), MAX_PAGE);
        BooleanQuery.Builder filters = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(ArticleDocument.LANGUAGE, query.language())), Occur.FILTER);
        if (query.sectionKey() != null)
            filters.add(new TermQuery(new Term(ArticleDocument.SECTION, query.sectionKey())), Occur.FILTER);
        if (query.from() != null || query.until() != null) {
            long from = query.from() == null ? Long.MIN_VALUE : query.from().toEpochMilli();
            long until = query.until() == null ? Long.MAX_VALUE : query.until().toEpochMilli() - 1;
            filters.add(LongPoint.newRangeQuery(ArticleDocument.PUBLISHED, from, until), Occur.FILTER);
        }
        Query text = TextQuery.of(
                query.text() == null ? "" : query.text(), query.language(), analyzers, searcher.getIndexReader());
        if (text == null) return SearchResults.none(query.pageSize());
        Query relevance = filters.add(text, Occur.MUST).build();
        int wanted = page * query.pageSize();
        TopDocs top = searcher.search(
                relevance, new TopScoreDocCollectorManager(Math.max(wanted, RESCORE_WINDOW), EXACT_COUNT_UP_TO));
        ScoreDoc[] ranked = RecencyBoost.rescore(searcher, top.scoreDocs, ArticleDocument.PUBLISHED, clock.millis());
        int start = Math.min((page - 1) * query.pageSize(), ranked.length);
        ScoreDoc[] pageDocs = Arrays.copyOfRange(ranked, start, Math.min(wanted, ranked.length));
        String bodyField = SearchAnalyzers.field("body", query.language());
        String[] snippets = snippets(searcher, text, bodyField, pageDocs);
        List<SearchHit> hits = new ArrayList<>();
        StoredFields stored = searcher.storedFields();
        for (int i = 0; i < pageDocs.length; i++) {
            Document doc = stored.document(pageDocs[i].doc);
            hits.add(ArticleDocument.hit(doc, snippets[i]));
        }
        boolean exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
        return new SearchResults(hits, top.totalHits.value, exact, page, query.pageSize());
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
}
