package org.wargeys.search;

import java.util.List;

/**
 * One page of results. {@code total} counts every match when {@code exact}, else it is a lower bound.
 * Immutable.
 */
public record SearchResults(List<SearchHit> hits, long total, boolean exact, int page, int pageSize) {

    public SearchResults {
        hits = List.copyOf(hits);
    }

    public static SearchResults none(int pageSize) {
        return new SearchResults(List.of(), 0, true, 1, pageSize);
    }

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasNext() {
        return (long) page * pageSize < total;
    }
}
