package org.wargeys.newsroom;

/** What an administrator can ask of every node of the site from the settings page. */
public final class SiteRequests {

    private SiteRequests() {}

    /** Re-read the search index from the database (each node rebuilds its own, while serving). */
    public record RebuildSearchIndex() {}

    /** Drop every kept page (each node empties its own page cache). */
    public record EmptyPageCache() {}
}
