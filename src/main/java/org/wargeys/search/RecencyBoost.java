package org.wargeys.search;

import java.io.IOException;
import java.time.Clock;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * The freshness factor a relevance score is multiplied by: {@code 1 + WEIGHT / (1 + ageDays / HALF)},
 * so today's news counts 1.5 times, a month-old article 1.25 times and an old one barely more than 1.
 * Relevance still decides between a strong old match and a weak new one. Immutable.
 */
final class RecencyBoost extends DoubleValuesSource {

    static final double WEIGHT = 0.5;
    static final double HALF_DAYS = 30;
    private static final double DAY_MS = 86_400_000d;

    private final String field;
    private final long nowMillis;

    RecencyBoost(String field, Clock clock) {
        this.field = field;
        this.nowMillis = clock.millis();
    }

    static double factor(long publishedMillis, long nowMillis) {
        double ageDays = Math.max(0, nowMillis - publishedMillis) / DAY_MS;
        return 1 + WEIGHT / (1 + ageDays / HALF_DAYS);
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues published = DocValues.getNumeric(ctx.reader(), field);
        return new DoubleValues() {
            private double value = 1;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                value = published.advanceExact(doc) ? factor(published.longValue(), nowMillis) : 1;
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return false;
    }

    @Override
    public int hashCode() {
        return field.hashCode() * 31 + Long.hashCode(nowMillis);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecencyBoost r && r.field.equals(field) && r.nowMillis == nowMillis;
    }

    @Override
    public String toString() {
        return "recency(" + field + ")";
    }
}
