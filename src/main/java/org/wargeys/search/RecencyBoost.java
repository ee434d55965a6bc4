package org.wargeys.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * Freshness: a relevance score is multiplied by {@code 1 + WEIGHT / (1 + ageDays / HALF_DAYS)}, so
 * today's news counts 1.5 times, a month-old article 1.25 times and an old one barely more than 1.
 * Applied as a rescoring of the best matches by relevance alone, which keeps Lucene free to skip
 * hopeless documents while it finds them (a boost inside the query would score every match).
 * Stateless.
 */
final class RecencyBoost {

    static final double WEIGHT = 0.5;
    static final double HALF_DAYS = 30;
    private static final double DAY_MS = 86_400_000d;

    private RecencyBoost() {}

    static double factor(long publishedMillis, long nowMillis) {
        double ageDays = Math.max(0, nowMillis - publishedMillis) / DAY_MS;
        return 1 + WEIGHT / (1 + ageDays / HALF_DAYS);
    }

    /** The documents with their scores multiplied by their freshness, best first. */
    static ScoreDoc[] rescore(IndexSearcher searcher, ScoreDoc[] docs, String field, long nowMillis)
            throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        ScoreDoc[] rescored = new ScoreDoc[docs.length];
        for (int i = 0; i < docs.length; i++) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i].doc, leaves));
            NumericDocValues published = DocValues.getNumeric(leaf.reader(), field);
            double boost =
                    published.advanceExact(docs[i].doc - leaf.docBase) ? factor(published.longValue(), nowMillis) : 1;
            rescored[i] = new ScoreDoc(docs[i].doc, (float) (docs[i].score * boost));
        }
        Arrays.sort(
                rescored, Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparingInt(d -> d.doc));
        return rescored;
    }
}
