package org.wargeys.platform;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The publication this installation serves: its name, the outlet name used in datelines, the public
 * base URL, the newsroom's time zone and the languages it publishes in (the first is the default).
 * Immutable.
 */
public record Site(String name, String outlet, String baseUrl, ZoneId timezone, List<Language> languages) {

    public Site {
        if (languages == null || languages.isEmpty()) {
            throw new IllegalArgumentException("A site needs at least one language");
        }
        languages = List.copyOf(languages);
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public Language defaultLanguage() {
        return languages.get(0);
    }

    public Optional<Language> language(String code) {
        return languages.stream().filter(l -> l.code().equals(code)).findFirst();
    }

    /** The language a URL's prefix names; a 404 for any other prefix. */
    public Language languageOrNotFound(String code) {
        return language(code).orElseThrow(() -> new NotFoundException("No language " + code));
    }

    public boolean publishesIn(String code) {
        return language(code).isPresent();
    }

    /** An absolute URL for a site path that starts with a slash. */
    /** The address of a site path; an address that is already absolute (a CDN's) stays as it is. */
    public String absolute(String path) {
        if (path.startsWith("https://") || path.startsWith("http://")) return path;
        return baseUrl + path;
    }
}
