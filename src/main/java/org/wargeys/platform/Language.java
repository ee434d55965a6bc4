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

    /**
     * A language as the {@code site.languages} setting names it: its code, and after a colon its
     * direction when that is not the one its script implies ({@code ps:rtl}, {@code ha:ltr}).
     */
    public static Language parse(String spec) {
        String s = spec.strip().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        Language language = of(colon < 0 ? s : s.substring(0, colon));
        if (colon < 0) return language;
        String direction = s.substring(colon + 1);
        if (!direction.equals("ltr") && !direction.equals("rtl")) {
            throw new IllegalArgumentException(
                    "A language's direction is ltr or rtl, not '" + direction + "' (in '" + spec + "')");
        }
        return new Language(
                language.code(), language.nativeName(), Direction.valueOf(direction.toUpperCase(Locale.ROOT)));
    }

    /** How the {@code site.languages} setting names this language (with its direction if not its script's). */
    public String spec() {
        Direction usual = RIGHT_TO_LEFT.contains(code) ? Direction.RTL : Direction.LTR;
        return direction == usual ? code : code + ":" + direction.attribute();
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }
}
