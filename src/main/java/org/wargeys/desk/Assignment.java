package org.wargeys.desk;

import java.time.Instant;

/**
 * Someone's work on an article: the article itself ({@code language} null) or a translation of it
 * into {@code language}, due at a time (or whenever). Immutable.
 *
 * @param assignedBy the editor who gave it, or null
 * @param doneAt null while open
 */
public record Assignment(
        long id,
        long articleId,
        String language,
        long assigneeId,
        Long assignedBy,
        Instant dueAt,
        Instant createdAt,
        Instant doneAt) {

    public boolean open() {
        return doneAt == null;
    }

    public boolean isTranslation() {
        return language != null;
    }

    /** Open and past its due time. */
    public boolean late(Instant now) {
        return open() && dueAt != null && dueAt.isBefore(now);
    }
}
