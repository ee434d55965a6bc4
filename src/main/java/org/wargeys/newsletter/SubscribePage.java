package org.wargeys.newsletter;

import java.util.List;
import java.util.Set;
import org.wargeys.article.Taxonomy;
import org.wargeys.web.Layout;

/**
 * The model of {@code newsletter/subscribe.jte}: the subscribe form with the sections to choose from,
 * as typed, with its error. Immutable.
 *
 * @param error the address field's message, or null
 */
public record SubscribePage(
        Layout layout, String email, List<Taxonomy.Term> sections, Set<String> chosen, String error) {

    public SubscribePage {
        sections = List.copyOf(sections);
        chosen = Set.copyOf(chosen);
    }
}
