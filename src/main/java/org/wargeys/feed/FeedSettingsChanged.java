package org.wargeys.feed;

/** Feeds switched between whole articles and summaries: every cached feed must drop. */
public record FeedSettingsChanged() {}
