package org.wargeys.newsroom;

import java.util.List;
import java.util.Map;
import org.wargeys.newsletter.Alerts;

/**
 * The model of {@code newsroom/subscribers.jte}: confirmed subscribers per language (counts only: no
 * address is shown) and the send history of breaking-news alerts. Immutable.
 *
 * @param perLanguage language code → confirmed subscribers, in the site's order
 */
public record SubscribersPage(NewsroomLayout layout, Map<String, Integer> perLanguage, List<Alerts.Sent> history) {

    public SubscribersPage {
        perLanguage = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(perLanguage));
        history = List.copyOf(history);
    }
}
