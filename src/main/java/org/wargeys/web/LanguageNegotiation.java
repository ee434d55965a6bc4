package org.wargeys.web;

import java.util.List;
import java.util.Locale;
import org.wargeys.platform.Language;
import org.wargeys.platform.Site;

/**
 * Picks the site language a reader prefers from {@code Accept-Language}. Used only to redirect
 * {@code /} and to word error pages that have no language in their URL: the language of a page
 * always comes from its URL.
 */
public final class LanguageNegotiation {

    private final Site site;

    public LanguageNegotiation(Site site) {
        this.site = site;
    }

    public Language preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 1000)
            return site.defaultLanguage();
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            List<String> codes = site.languages().stream().map(Language::code).toList();
            for (Locale.LanguageRange range : ranges) {
                if (range.getWeight() <= 0) continue;
                String primary = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                if (codes.contains(primary)) return site.language(primary).orElseThrow();
            }
        } catch (IllegalArgumentException e) {
            // A malformed header is the reader's loss, not an error: they get the default language.
        }
        return site.defaultLanguage();
    }
}
