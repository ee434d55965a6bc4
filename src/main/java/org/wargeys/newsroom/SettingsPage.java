package org.wargeys.newsroom;

/**
 * The model of {@code newsroom/settings.jte}: the site settings an administrator changes, and the state
 * of this node's search index and page cache.
 */
public record SettingsPage(
        NewsroomLayout layout,
        boolean fullContentFeeds,
        int indexedArticles,
        boolean indexRebuilding,
        long cachedPages,
        String notice) {}
