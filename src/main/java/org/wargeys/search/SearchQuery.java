package org.wargeys.search;

import java.time.Instant;

/**
 * What a reader asked for: words in one language, optional filters, and the page of results.
 * Immutable.
 *
 * @param sectionKey null for every section
 * @param from null for no lower bound (inclusive)
 * @param until null for no upper bound (exclusive)
 * @param page 1-based
 */
public record SearchQuery(
        String language, String text, String sectionKey, Instant from, Instant until, int page, int pageSize) {

    public SearchQuery {
        if (page < 1) throw new IllegalArgumentException("Pages start at 1");
        if (pageSize < 1) throw new IllegalArgumentException("A page holds at least one result");
    }

    public static SearchQuery of(String language, String text) {
        return new SearchQuery(language, text, null, null, null, 1, 10);
    }
}
