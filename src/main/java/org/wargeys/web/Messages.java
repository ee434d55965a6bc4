package org.wargeys.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.wargeys.platform.Language;

/**
 * The UI strings of one language, with English behind any key a translation lacks, plus the
 * language's date formats. Placeholders are named ({@code {site}}) so that translators can move them.
 * Immutable.
 */
public final class Messages {

    private final Language language;
    private final Map<String, String> strings;
    private final Map<String, String> fallback;
    private final DateTimeFormatter dateFormat;
    private final DateTimeFormatter dateTimeFormat;

    Messages(Language language, Map<String, String> strings, Map<String, String> fallback, ZoneId zone) {
        this.language = language;
        this.strings = Map.copyOf(strings);
        this.fallback = Map.copyOf(fallback);
        Locale locale = language.locale();
        this.dateFormat = DateFormats.date(locale, zone);
        this.dateTimeFormat = DateFormats.dateTime(locale, zone);
    }

    public Language language() {
        return language;
    }

    /** The string for a key; the key itself, bracketed, if no bundle has it (a test keeps that from shipping). */
    public String get(String key) {
        String value = strings.get(key);
        if (value == null) value = fallback.get(key);
        return value == null ? "[" + key + "]" : value;
    }

    /** The string with each {@code {name}} replaced by its value. */
    public String format(String key, Map<String, ?> values) {
        String text = get(key);
        for (var entry : values.entrySet()) {
            text = text.replace("{" + entry.getKey() + "}", String.valueOf(entry.getValue()));
        }
        return text;
    }

    /** A problem (a validation or conflict message key with its values) in this language. */
    public String problem(org.wargeys.platform.Problem problem) {
        return format(problem.key(), problem.args());
    }

    /** Each field's problem in this language, in the order they were found (for a form's error list). */
    public Map<String, String> problems(Map<String, org.wargeys.platform.Problem> problems) {
        Map<String, String> worded = new java.util.LinkedHashMap<>();
        problems.forEach((field, problem) -> worded.put(field, problem(problem)));
        return worded;
    }

    /** The text before a placeholder, for templates that put markup (links) in its place. */
    public String before(String key, String placeholder) {
        String text = get(key);
        int at = text.indexOf("{" + placeholder + "}");
        return at < 0 ? text : text.substring(0, at);
    }

    /** The text after a placeholder. */
    public String after(String key, String placeholder) {
        String text = get(key);
        String token = "{" + placeholder + "}";
        int at = text.indexOf(token);
        return at < 0 ? "" : text.substring(at + token.length());
    }

    /** The name of another language in this one ("Somali" in English, "Ingiriisi" in Somali). */
    public String languageName(String code) {
        String key = "language." + code;
        if (strings.containsKey(key)) return strings.get(key);
        String name = Locale.forLanguageTag(code).getDisplayLanguage(language.locale());
        return name.isEmpty() ? code : name;
    }

    public String date(Instant instant) {
        return dateFormat.format(instant);
    }

    public String dateTime(Instant instant) {
        return dateTimeFormat.format(instant);
    }

    /** A month of a year in this language, as an archive's title names it ("Disembar 2020"). */
    public String monthAndYear(java.time.YearMonth month) {
        return DateFormats.monthAndYear(language.locale(), month);
    }
}
