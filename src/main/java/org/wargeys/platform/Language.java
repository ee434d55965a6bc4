package org.wargeys.platform;

import java.util.Locale;
import java.util.Set;

/**
 * A language the site publishes in: its BCP 47 code, its name in itself, and its text direction.
 * Immutable.
 */
public record Language(String code, String nativeName, Direction direction) {

    // Scripts written right to left among the languages a newsroom is likely to use.
    private static final Set<String> RIGHT_TO_LEFT =
            Set.of("ar", "fa", "he", "ur", "ps", "sd", "ug", "yi", "dv", "ckb");

    public Language {
        if (code == null || !code.matches("[a-z]{2,3}")) {
            throw new IllegalArgumentException(
                    "A language code is two or three lower-case letters, not '" + code + "'");
        }
    }

    /** A language with its native name from the JDK's CLDR data and its direction from its script. */
    public static Language of(String code) {
        Locale locale = Locale.forLanguageTag(code);
        String name = locale.getDisplayLanguage(locale);
        if (name.isEmpty() || name.equals(code)) {
            name = code;
        }
        name = name.substring(0, 1).toUpperCase(locale) + name.substring(1);
        return new Language(code, name, RIGHT_TO_LEFT.contains(code) ? Direction.RTL : Direction.LTR);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }
}
