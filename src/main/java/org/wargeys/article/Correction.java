package org.wargeys.article;

import java.time.Instant;

/** A dated correction note an editor added to an article; readers see it at the end. Immutable. */
public record Correction(long id, long articleId, String note, Instant correctedAt, String addedBy) {}
