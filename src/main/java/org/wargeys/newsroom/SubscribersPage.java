package org.wargeys.newsroom;

import java.util.List;
import java.util.Map;
import org.wargeys.newsletter.Alerts;
import org.wargeys.newsletter.Digests;
import org.wargeys.newsletter.Subscriptions;

/**
 * The model of {@code newsroom/subscribers.jte}: confirmed subscribers per language (counts only: no
 * address is shown), the daily digest's time, the tools (previews, a test to oneself) and the send
 * history of breaking-news alerts and digests, with a retry of failed messages. Immutable.
 *
 * @param perLanguage language code → confirmed subscribers (all, alerts, digest), in the site's order
 * @param digestTime the digest's local time (HH:MM), or empty when none is sent
 * @param email the staff member's own address, where tests go
 */
public record SubscribersPage(
        NewsroomLayout layout,
        Map<String, Subscriptions.Counts> perLanguage,
        List<Alerts.Sent> history,
        String digestTime,
        String timezone,
        String email,
        List<Digests.Sent> digests,
        Map<String, String> errors) {

    public SubscribersPage {
        perLanguage = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(perLanguage));
        history = List.copyOf(history);
        digests = List.copyOf(digests);
        errors = Map.copyOf(errors);
    }
}
