package org.wargeys.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * The articles most like one indexed article ({@link RelatedQuery}), found on the index, with a cache of
 * how many articles contain each word. Thread-safe.
 */
final class RelatedArticles {

    private final Cache<Term, Integer> docFreqs = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    /**
     * Up to {@code limit} articles in the same language whose words are most like this one's; never the
     * article itself nor any of its translations. Empty if it is not indexed.
     */
    List<SearchHit> of(IndexSearcher searcher, long articleId, int limit) throws IOException {
        TopDocs self = searcher.search(new TermQuery(ArticleDocument.id(articleId)), 1);
        if (self.scoreDocs.length == 0) return List.of();
        ArticleDocument.Card card = card(searcher, self.scoreDocs[0].doc);
        String language = card.language();
        Query like = RelatedQuery.of(
                searcher.getIndexReader(),
                self.scoreDocs[0].doc,
                List.of(SearchAnalyzers.field("headline", language), SearchAnalyzers.field("body", language)),
                this::docFreq);
        if (like == null) return List.of();
        Query query = new BooleanQuery.Builder()
                .add(like, Occur.MUST)
                .add(new TermQuery(new Term(ArticleDocument.LANGUAGE, language)), Occur.FILTER)
                .add(new TermQuery(new Term(ArticleDocument.GROUP, Long.toString(card.group()))), Occur.MUST_NOT)
                .build();
        List<SearchHit> hits = new ArrayList<>();
        // Counting every match is not needed: the threshold lets the scorer skip documents that
        // cannot reach the top few, which is most of the cost on a large index.
        for (ScoreDoc found : searcher.search(query, new TopScoreDocCollectorManager(limit, null, limit)).scoreDocs) {
            hits.add(card(searcher, found.doc).hit());
        }
        return hits;
    }

    private static ArticleDocument.Card card(IndexSearcher searcher, int doc) throws IOException {
        var leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        BinaryDocValues cards = DocValues.getBinary(leaf.reader(), ArticleDocument.CARD);
        if (cards.advanceExact(doc - leaf.docBase)) return ArticleDocument.card(cards.binaryValue());
        // A document of an older shape, served while the index is rebuilt after an upgrade: read
        // its stored fields, as before the card.
        Document stored = searcher.storedFields().document(doc);
        return new ArticleDocument.Card(
                Long.parseLong(stored.get(ArticleDocument.GROUP)),
                stored.get(ArticleDocument.LANGUAGE),
                ArticleDocument.hit(stored, null));
    }

    // Counting a word's articles seeks the term dictionary of every segment; related articles ask for
    // the same common words again and again. A count a few minutes old chooses the same words.
    private int docFreq(IndexReader reader, Term term) throws IOException {
        Integer cached = docFreqs.getIfPresent(term);
        if (cached != null) return cached;
        int count = reader.docFreq(term);
        docFreqs.put(term, count);
        return count;
    }
}
