package org.wargeys.search;

import org.wargeys.platform.SharedEvent;

/** Re-read the search index from the database: each node rebuilds its own while it serves. */
public record RebuildSearchIndex(String reason) implements SharedEvent {}
