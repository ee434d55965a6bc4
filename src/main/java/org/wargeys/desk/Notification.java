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

    /** Where the notification leads in the newsroom: the bell's link and the mail's. */
    public String newsroomPath() {
        if (articleId == null) return "/admin";
        return switch (kind) {
            case MENTIONED, ASSIGNED -> "/admin/articles/" + articleId + "/desk";
            case CHANGE_PROPOSED -> "/admin/articles/" + articleId + "/pending";
            default -> "/admin/articles/" + articleId;
        };
    }

    public boolean unread() {

        return readAt == null;
    }
}
