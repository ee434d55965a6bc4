package org.wargeys.desk;

import java.time.Instant;

/** A note staff left on an article for each other; never shown to readers. Immutable. */
public record Note(long id, long articleId, Long authorId, String body, Instant createdAt) {}
