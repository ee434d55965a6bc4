package org.wargeys.desk;

import java.util.Locale;

/** What a notification tells its reader. */
public enum NotificationKind {
    /** An article was submitted for review (to editors). */
    SUBMITTED,
    /** An editor returned the reader's article to draft. */
    RETURNED,
    /** The reader's article (or one assigned to them) went live. */
    PUBLISHED,
    /** An editor assigned the reader an article or a translation. */
    ASSIGNED,
    /** Someone mentioned the reader in a note. */
    MENTIONED,
    /** The source of the reader's translation changed: the translation is behind. */
    TRANSLATION_OUTDATED,
    /**
     * Someone proposed a change to a published article: it waits for an editor's approval (to editors;
     * a mailed notification follows the "submitted for review" switch).
     */
    CHANGE_PROPOSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NotificationKind of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
