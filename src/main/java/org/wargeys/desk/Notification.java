package org.wargeys.desk;

import java.time.Instant;

/**
 * One line of a staff member's bell. Immutable.
 *
 * @param articleId the article it is about, or null
 * @param actorId who caused it, or null (the program, a terminal command)
 * @param language for a translation: the language concerned; else null
 * @param readAt null while unread
 */
public record Notification(
        long id,
        long userId,
        NotificationKind kind,
        Long articleId,
        Long actorId,
        String language,
        Instant createdAt,
        Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
