package org.wargeys.newsletter;

import java.util.List;
import java.util.Set;
import org.wargeys.article.Taxonomy;
import org.wargeys.web.Layout;

/**
 * The model of {@code newsletter/preferences.jte}: one subscriber's choices, reached by their signed
 * link, with the buttons to save, export and unsubscribe. Immutable.
 *
 * @param action the page's own address (its signed link), where its forms post
 * @param exportHref where everything stored about the subscriber is downloaded (JSON)
 * @param alerts whether they get breaking-news alerts
 * @param digest whether they get the daily digest
 * @param saved whether the choices were just saved
 */
public record PreferencesPage(
        Layout layout,
        String action,
        String unsubscribeAction,
        String exportHref,
        String address,
        String consentedAt,
        List<Taxonomy.Term> sections,
        Set<String> chosen,
        boolean alerts,
        boolean digest,
        boolean saved) {

    public PreferencesPage {
        sections = List.copyOf(sections);
        chosen = Set.copyOf(chosen);
    }
}
