package org.wargeys.newsroom;

import java.util.List;
import java.util.Map;

/**
 * The model of {@code newsroom/settings.jte}: the site settings an administrator changes (each with
 * its value now, its value after the next start, and whether the server's configuration pins it), the
 * site's languages, the share networks, the site's X account (live at once), and the state of this
 * node's search index and page cache.
 *
 * @param xHandle the site's X account as set here (or as typed, after an error); empty for none
 * @param xHandleInUse the account pages name now (this one, else the configured one), or null
 */
public record SettingsPage(
        NewsroomLayout layout,
        Map<String, Field> site,
        List<LanguageRow> languages,
        boolean languagesPinned,
        List<Network> networks,
        boolean networksPinned,
        List<String> zones,
        boolean pendingRestart,
        Map<String, String> errors,
        boolean fullContentFeeds,
        String xHandle,
        String xHandleInUse,
        int indexedArticles,
        boolean indexRebuilding,
        long cachedPages,
        String notice) {

    /**
     * A setting as the form shows it.
     *
     * @param value what the form holds (the value after the next start, or as posted)
     * @param running the value the site runs with now
     * @param pinned set by the server's configuration: shown, not editable
     */
    public record Field(String name, String value, String running, boolean pinned) {
        public boolean pending() {
            return !pinned && !value.equals(running);
        }
    }

    /**
     * A language of the site after the next start.
     *
     * @param articles how many articles it has (a language with none may be removed)
     * @param running whether the site runs with it now (false: added, from the next start)
     */
    public record LanguageRow(
            String code, String name, String direction, int articles, boolean running, boolean removable) {}

    /** A share network, and whether the share bar offers it (after the next start). */
    public record Network(String id, String labelKey, boolean offered) {}
}
