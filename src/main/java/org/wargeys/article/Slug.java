package org.wargeys.article;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The URL name of an article, unique within its language: lower-case letters and digits of any
 * script, joined by hyphens. Latin accents are dropped so that URLs stay typeable.
 */
public final class Slug {

    public static final int MAX_LENGTH = 120;
    private static final Pattern VALID = Pattern.compile("[\\p{Ll}\\p{Lo}\\p{Nd}]+(?:-[\\p{Ll}\\p{Lo}\\p{Nd}]+)*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{Ll}\\p{Lo}\\p{Nd}]+");

    private Slug() {}

    /**
     * A slug as typed, in its one canonical form: compatibility characters folded (NFKC: full-width
     * "ｉｒａｎ" is "iran"), lower case.
     */
    public static String normalize(String typed) {
        return Normalizer.normalize(typed.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /**
     * True when the slug's letters come from more than one script, as in a Latin word with a Cyrillic
     * "а" in it: a lookalike of another address, refused when typed. Digits and hyphens belong to none.
     */
    public static boolean mixesScripts(String slug) {
        Character.UnicodeScript first = null;
        for (int i = 0; i < slug.length(); ) {
            int c = slug.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) continue;
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED) continue;
            if (first == null) first = script;
            else if (first != script) return true;
        }
        return false;
    }

    public static boolean isValid(String slug) {

        return slug != null
                && slug.length() <= MAX_LENGTH
                && VALID.matcher(slug).matches();
    }

    /** A slug made of the first {@code maxWords} words of a text, e.g. a headline. */
    public static String of(String text, int maxWords) {
        String folded = MARKS.matcher(
                        Normalizer.normalize(Normalizer.normalize(text, Normalizer.Form.NFKC), Normalizer.Form.NFD))
                .replaceAll("");

        String[] words = SEPARATORS.split(folded.toLowerCase(Locale.ROOT));
        StringBuilder slug = new StringBuilder();
        int taken = 0;
        for (String word : words) {
            if (word.isEmpty()) continue;
            if (taken == maxWords || slug.length() + word.length() + 1 > MAX_LENGTH) break;
            if (slug.length() > 0) slug.append('-');
            slug.append(word);
            taken++;
        }
        return slug.toString();
    }
}
