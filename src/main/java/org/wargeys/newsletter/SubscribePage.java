package org.wargeys.newsletter;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wargeys.article.Taxonomy;
import org.wargeys.web.Layout;

/**
 * The model of {@code newsletter/subscribe.jte}: the subscribe form (alerts, the digest, the sections
 * to choose from), as typed, with its errors. Immutable.
 *
 * @param alerts whether the alerts box is ticked
 * @param digest whether the digest box is ticked
 * @param errors field ({@code email}, {@code choice}) → its message
 */
public record SubscribePage(
        Layout layout,
        String email,
        List<Taxonomy.Term> sections,
        Set<String> chosen,
        boolean alerts,
        boolean digest,
        Map<String, String> errors) {

    public SubscribePage {
        sections = List.copyOf(sections);
        chosen = Set.copyOf(chosen);
        errors = Map.copyOf(errors);
    }
}
