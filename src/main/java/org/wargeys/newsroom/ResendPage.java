package org.wargeys.newsroom;

import java.util.List;
import java.util.Map;

/**
 * The model of {@code newsroom/resend.jte}: signed in again, the form that was sent when the session
 * ended, ready to be sent to {@code action} again under the new session's token.
 */
public record ResendPage(NewsroomLayout layout, String csrf, String action, List<Map.Entry<String, String>> fields) {

    /** The longest field shown to the writer, for the words they are about to save (the body). */
    public String longest() {
        return fields.stream().map(Map.Entry::getValue).reduce("", (a, b) -> b.length() > a.length() ? b : a);
    }
}
