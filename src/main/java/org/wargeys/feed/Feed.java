package org.wargeys.feed;

import java.time.Instant;
import java.util.List;

/**
 * A feed ready to write as RSS or Atom: absolute URLs, one language. Immutable.
 *
 * @param htmlUrl the page the feed mirrors
 * @param selfUrl the feed's own address in the format being written
 */
public record Feed(
        String title,
        String description,
        String language,
        String htmlUrl,
        String selfUrl,
        String publisher,
        Instant updated,
        List<Entry> entries) {

    public Feed {
        entries = List.copyOf(entries);
    }

    public Feed withSelf(String url) {
        return new Feed(title, description, language, htmlUrl, url, publisher, updated, entries);
    }

    /**
     * One article. {@code contentHtml} is the sanitized body, or null when the feed carries summaries.
     */
    public record Entry(
            String title,
            String url,
            Instant published,
            Instant updated,
            String summary,
            String contentHtml,
            List<String> authors,
            List<String> categories) {
        public Entry {
            authors = List.copyOf(authors);
            categories = List.copyOf(categories);
        }
    }
}
