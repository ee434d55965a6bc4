package org.wargeys.pages;

import java.time.Instant;
import java.util.List;

/**
 * The live part of an article page ({@code pages/live.jte}): the badge and last update, the key
 * events, one page of entries newest first, and the links to older and newest entries. Immutable.
 *
 * @param live true while the coverage runs (the badge shows, the script polls)
 * @param pollUrl the poll answer's path; null once the coverage ended
 * @param newestThread the newest entry shown, which the script counts new entries from (0 for none)
 * @param olderHref the next page of older entries, or null on the last page
 * @param newestHref the first page, on pages of older entries (null on the first page)
 */
public record LiveSection(
        boolean live,
        Instant lastUpdate,
        String lastUpdateText,
        List<KeyEvent> keyEvents,
        List<LiveEntryView> entries,
        String pollUrl,
        String feedUrl,
        long newestThread,
        String olderHref,
        String newestHref) {

    public LiveSection {
        keyEvents = List.copyOf(keyEvents);
        entries = List.copyOf(entries);
    }

    /** A key event in the summary: its time and first words, linking to the entry. */
    public record KeyEvent(String href, Instant at, String timeText, String summary) {}
}
