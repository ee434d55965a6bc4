package org.wargeys.feed;

import org.wargeys.platform.SharedEvent;

/** Feeds switched between whole articles and summaries: every cached feed must drop. */
public record FeedSettingsChanged() implements SharedEvent {}
