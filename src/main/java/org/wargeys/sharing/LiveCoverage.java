package org.wargeys.sharing;

import java.time.Instant;
import java.util.List;

/**
 * What the preview of a live article adds to its JSON-LD ({@code LiveBlogPosting}): the coverage's
 * start and end, its newest updates; and, on an entry's share link, that entry's address and text for
 * OpenGraph. Immutable.
 *
 * @param end null while the coverage runs
 * @param sharedUrl the absolute share link of one entry (the page's og:url), or null
 * @param sharedDescription that entry's text (og:description), or null
 */
public record LiveCoverage(
        Instant start,
        Instant end,
        Instant modified,
        List<Update> updates,
        String sharedUrl,
        String sharedDescription) {

    public LiveCoverage {
        updates = List.copyOf(updates);
    }

    /** One entry, as a schema.org BlogPosting in {@code liveBlogUpdate}. */
    public record Update(
            String url, String headline, String body, Instant published, Instant modified, String author) {}
}
