package org.wargeys.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A registered webhook endpoint: where deliveries go, which events it wants, the secret they are
 * signed with, who registered it (its owner, told when it is paused), and whether it is failing or
 * paused. Immutable.
 *
 * @param pausedReason {@code failing} (a day of failed deliveries) or {@code manual}; null while active
 */
public record Endpoint(
        long id,
        String url,
        String description,
        Set<EventType> events,
        String secret,
        Long ownerId,
        String ownerEmail,
        Instant createdAt,
        Instant failingSince,
        Instant pausedAt,
        String pausedReason) {

    public Endpoint {
        events = events.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(events));
    }

    public boolean paused() {
        return pausedAt != null;
    }

    public boolean wants(EventType type) {
        return events.contains(type);
    }

    /** Event codes in the catalogue's order. */
    public List<String> eventCodes() {
        return Arrays.stream(EventType.values())
                .filter(events::contains)
                .map(EventType::code)
                .toList();
    }

    static Set<EventType> parse(String codes) {
        Set<EventType> events = EnumSet.noneOf(EventType.class);
        for (String code : codes.split(" ")) EventType.of(code).ifPresent(events::add);
        return events;
    }

    static String format(Set<EventType> events) {
        return String.join(
                " ",
                Arrays.stream(EventType.values())
                        .filter(events::contains)
                        .map(EventType::code)
                        .toList());
    }
}
