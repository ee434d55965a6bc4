package org.wargeys.web;

import gg.jte.Content;
import java.util.List;
import java.util.Map;
import org.wargeys.platform.Language;
import org.wargeys.platform.Site;

/** Builds the {@link Layout} of a page from what the page knows about itself. Thread-safe. */
public final class LayoutFactory {

    private static final Content NO_HEAD = output -> {};

    private final Site site;
    private final MessageBundles bundles;
    private final StaticAssets assets;

    public LayoutFactory(Site site, MessageBundles bundles, StaticAssets assets) {
        this.site = site;
        this.bundles = bundles;
        this.assets = assets;
    }

    public Site site() {
        return site;
    }

    public Messages messages(String languageCode) {
        return bundles.of(languageCode);
    }

    /**
     * @param versions the page in each language it exists in, by language code, as site paths;
     *     the first entry of the site's language order that exists is also x-default unless a
     *     default-language version exists
     */
    public Layout page(
            Language language,
            String title,
            String description,
            String path,
            Map<String, String> versions,
            Content head) {
        List<Layout.Alternate> alternates = new java.util.ArrayList<>();
        for (Language l : site.languages()) {
            String version = versions.get(l.code());
            if (version != null) alternates.add(new Layout.Alternate(l.code(), site.absolute(version)));
        }
        String fallback = versions.getOrDefault(
                site.defaultLanguage().code(),
                alternates.isEmpty() ? null : alternates.get(0).href());
        if (fallback != null) {
            alternates.add(
                    new Layout.Alternate("x-default", fallback.startsWith("/") ? site.absolute(fallback) : fallback));
        }
        return new Layout(
                title,
                description,
                language,
                site.name(),
                homePath(language.code()),
                path == null ? null : site.absolute(path),
                alternates,
                switcher(language, versions),
                bundles.of(language.code()),
                assets,
                head == null ? NO_HEAD : head,
                null,
                true);
    }

    /** The layout of an error page: no canonical URL, no alternates, the switcher leads home. */
    public Layout error(Language language, String title) {
        return new Layout(
                title,
                null,
                language,
                site.name(),
                homePath(language.code()),
                null,
                List.of(),
                switcher(language, Map.of()),
                bundles.of(language.code()),
                assets,
                NO_HEAD,
                null,
                true);
    }

    public static String homePath(String languageCode) {
        return "/" + languageCode + "/";
    }

    // Every language is offered: its version of this page where there is one, else its home page.
    private List<Layout.LanguageLink> switcher(Language current, Map<String, String> versions) {
        return site.languages().stream()
                .map(l -> new Layout.LanguageLink(
                        l.code(),
                        l.nativeName(),
                        l.direction().attribute(),
                        versions.getOrDefault(l.code(), homePath(l.code())),
                        l.code().equals(current.code())))
                .toList();
    }
}
