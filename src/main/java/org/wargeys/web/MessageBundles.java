package org.wargeys.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.wargeys.platform.Language;
import org.wargeys.platform.Site;

/**
 * The UI strings of every site language, loaded once from {@code i18n/messages_LANG.properties}
 * (UTF-8). English is the fallback for keys a bundle lacks. Thread-safe.
 */
public final class MessageBundles {

    public static final String FALLBACK = "en";

    private final Map<String, Messages> byLanguage = new LinkedHashMap<>();
    private final Messages defaultMessages;

    public MessageBundles(Site site) {
        Map<String, String> fallback = load(FALLBACK);
        for (Language language : site.languages()) {
            byLanguage.put(language.code(), new Messages(language, load(language.code()), fallback, site.timezone()));
        }
        defaultMessages = byLanguage.get(site.defaultLanguage().code());
    }

    /** The English strings, for the terminal (commands word their errors with them). */
    public static Messages english() {
        return new Messages(
                org.wargeys.platform.Language.of(FALLBACK), load(FALLBACK), Map.of(), java.time.ZoneOffset.UTC);
    }

    public Messages of(String languageCode) {
        return byLanguage.getOrDefault(languageCode, defaultMessages);
    }

    public Set<String> languages() {
        return byLanguage.keySet();
    }

    /** The raw strings of a bundle, empty if there is none (used by the completeness test too). */
    public static Map<String, String> load(String languageCode) {
        String resource = "/i18n/messages_" + languageCode + ".properties";
        try (InputStream in = MessageBundles.class.getResourceAsStream(resource)) {
            if (in == null) return Map.of();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> strings = new HashMap<>();
            properties.stringPropertyNames().forEach(k -> strings.put(k, properties.getProperty(k)));
            return strings;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
