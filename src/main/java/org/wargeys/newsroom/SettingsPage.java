package org.wargeys.newsroom;

/**
 * The model of {@code newsroom/settings.jte}: the site settings an administrator changes, and the state
 * of this node's search index and page cache.
 *
 * @param xHandle the site's X account as set here (or as typed, after an error); empty for none
 * @param xHandleInUse the account pages name now (this one, else the configured one), or null
 * @param errors a field's message, by field
 */
public record SettingsPage(
        NewsroomLayout layout,
        boolean fullContentFeeds,
        String xHandle,
        String xHandleInUse,
        java.util.Map<String, String> errors,
        int indexedArticles,
        boolean indexRebuilding,
        long cachedPages,
        String notice) {}
