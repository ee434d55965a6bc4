package org.wargeys.live;

import java.time.Instant;

/**
 * One entry of a live blog in one language: its sanitized HTML (rendered from Markdown as article
 * bodies are), an optional pull quote and image from the media library, its author and times. A
 * translated entry points at its source entry; {@code threadId} is the source entry's id for both,
 * the order every language lists them in. Immutable.
 *
 * @param original true when a page shows this source entry in place of a translation it lacks
 */
public record LiveEntry(
        long id,
        long articleId,
        String language,
        Long sourceEntryId,
        long threadId,
        String body,
        String bodyHtml,
        String quote,
        Long mediaId,
        String imageAlt,
        boolean keyEvent,
        Long authorId,
        String authorName,
        Instant postedAt,
        Instant editedAt,
        boolean original) {

    /** When readers last saw it change: its edit, else its posting. */
    public Instant changedAt() {
        return editedAt != null ? editedAt : postedAt;
    }

    public boolean isTranslation() {
        return sourceEntryId != null;
    }
}
