package org.wargeys.newsroom;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wargeys.desk.NotificationKind;

/**
 * The model of {@code newsroom/notification-mail.jte}: the staff member's language for mail and the
 * kinds of notification they get by mail. Immutable.
 */
public record NotificationMailPage(
        NewsroomLayout layout,
        String language,
        List<NotificationKind> kinds,
        Set<NotificationKind> mailed,
        Map<String, String> errors) {

    public NotificationMailPage {
        kinds = List.copyOf(kinds);
        mailed = Set.copyOf(mailed);
        errors = Map.copyOf(errors);
    }
}
