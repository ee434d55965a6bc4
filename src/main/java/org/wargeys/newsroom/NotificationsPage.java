package org.wargeys.newsroom;

import java.util.List;

/** The model of {@code newsroom/notifications.jte}: the bell's notifications, newest first, worded. */
public record NotificationsPage(NewsroomLayout layout, List<Line> lines, String olderHref) {

    /**
     * A notification as a sentence around its article's headline ({@code before} + link + {@code after}).
     *
     * @param href opens it (marks it read and goes to the article)
     */
    public record Line(
            long id,
            String kind,
            boolean unread,
            String before,
            String headline,
            String language,
            String after,
            String href,
            String time,
            String timeIso) {}
}
