package org.wargeys.article;

import java.time.Instant;

/**
 * A change to a published article that waits for an editor's approval; readers see the article as
 * it is until then. Immutable.
 *
 * @param baseRevision the article's revision the change was made from (approving needs it unchanged)
 * @param restoredFrom the revision it brings back, or null for an edit
 * @param proposedBy who made it, as the audit log names people (their email)
 */
public record PendingChange(
        long id,
        long articleId,
        int baseRevision,
        Integer restoredFrom,
        String headline,
        Dateline dateline,
        String standfirst,
        BodyFormat bodyFormat,
        String body,
        String proposedBy,
        Instant proposedAt) {

    /** The change as one text, the unit the newsroom diffs (as {@link Revision#asText()}). */
    public String asText() {
        return new Revision(articleId, baseRevision, headline, dateline, standfirst, bodyFormat, body, proposedAt, null)
                .asText();
    }
}
