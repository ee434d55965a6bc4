package org.wargeys.newsletter;

import java.time.Instant;
import java.util.List;

/**
 * A reader on a language's list, as stored: nothing more than they gave. Immutable.
 *
 * @param sections the section keys chosen; empty for all the news
 * @param alerts whether they asked for breaking-news alerts
 * @param digest whether they asked for the daily digest (at least one of the two is true)
 * @param consentedAt when they followed the confirmation link; null while pending
 * @param source the site path of the page where they subscribed
 */
public record Subscriber(
        long id,
        String address,
        String language,
        List<String> sections,
        boolean alerts,
        boolean digest,
        boolean confirmed,
        Instant consentedAt,
        String source,
        Instant createdAt) {

    public Subscriber {
        sections = List.copyOf(sections);
    }

    /** Whether an article of this section (a key, or null for none) is news this reader asked for. */
    public boolean wants(String sectionKey) {
        return sections.isEmpty() || (sectionKey != null && sections.contains(sectionKey));
    }
}
