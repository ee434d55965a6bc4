package org.wargeys.web;

import java.util.List;
import org.wargeys.platform.Language;

/**
 * What the shared page layout needs from every public page: title, language and direction, links for
 * search engines, the language switcher and the UI strings. Immutable.
 *
 * @param canonicalUrl absolute URL of the page, or null for pages that have none (errors)
 * @param alternates one entry per language version of the page, itself included, plus x-default
 * @param head extra head markup the page has already escaped (meta tags, JSON-LD); empty for none
 * @param robots the robots meta tag's content ({@code noindex}), or null for none
 * @param siteSearch whether the masthead carries the search form (not on the search page, whose own
 *     form is the page's one search landmark)
 */
public record Layout(
        String title,
        String description,
        Language language,
        String siteName,
        String homePath,
        String canonicalUrl,
        List<Alternate> alternates,
        List<LanguageLink> languageLinks,
        Messages messages,
        StaticAssets assets,
        gg.jte.Content head,
        String robots,
        boolean siteSearch) {

    public Layout {
        alternates = List.copyOf(alternates);
        languageLinks = List.copyOf(languageLinks);
    }

    /**
     * The same page kept out of search indexes (an empty listing): {@code noindex}, and no hreflang
     * alternates, since no other language's page may point at it either.
     */
    public Layout notIndexed() {
        return new Layout(
                title,
                description,
                language,
                siteName,
                homePath,
                canonicalUrl,
                List.of(),
                languageLinks,
                messages,
                assets,
                head,
                "noindex",
                siteSearch);
    }

    /** The same page without the masthead's search form (the search page has its own). */
    public Layout withoutSiteSearch() {
        return new Layout(
                title,
                description,
                language,
                siteName,
                homePath,
                canonicalUrl,
                alternates,
                languageLinks,
                messages,
                assets,
                head,
                robots,
                false);
    }

    /** A {@code <link rel=alternate hreflang>}: a language code (or {@code x-default}) and an absolute URL. */
    public record Alternate(String hreflang, String href) {}

    /** An entry of the language switcher: the language's own name and where its version of the page is. */
    public record LanguageLink(String code, String nativeName, String direction, String href, boolean current) {}
}
