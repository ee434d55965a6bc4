package org.wargeys.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A light suffix stripper for Somali, folded (lower-case, no diacritics) words: it removes one
 * possessive or definite-article ending (-ka/-ta/-ga/-da/-ha/-sha and their past forms -kii/-tii…,
 * possessives such as -kiisa/-tiisa/-iisii), then one plural ending (-ooyin, -yaal, -yo/-ya), then a
 * final vowel, so that the forms of one noun meet on one stem. It never leaves fewer than three
 * letters. Deliberately light: no verb morphology, no sound changes beyond those written into the
 * endings list. See docs/search.md. Stateless and thread-safe.
 */
final class SomaliStemmer {

    static final int MIN_STEM = 3;

    private static final String[] ARTICLE_CONSONANTS = {"k", "t", "g", "d", "h", "sh", ""};
    private static final String[] POSSESSIVES = {
        "iisa", "iisii", "eeda", "eedii", "ooda", "oodii", "ayga", "aygii", "aaga", "aagii", "ayada", "eenna", "eennii",
        "aanna", "aannii"
    };
    // Definite article (the), its remote/past form (the … mentioned before) and "that" (-kaas).
    private static final String[] ARTICLES = {
        "ka", "kii", "kaas", "ta", "tii", "taas", "ga", "gii", "gaas", "da", "dii", "daas", "ha", "hii", "haas", "sha",
        "shii", "shaas"
    };
    // Plurals: -ooyin (magaalooyin), -yaal with its article form -yaash- (hoggaamiyeyaal/-yaasha),
    // -yo/-ya (toddobaadyo, toddobaadyada), which follow a consonant only (so "hoggaamiya-" keeps its "ya").
    private static final String[] PLURALS = {"ooyin", "yaal", "yaa"};
    private static final String[] CONSONANT_PLURALS = {"yo", "ya"};

    private static final Endings FIRST_STEP = new Endings(firstStep());
    private static final Endings PLURAL_STEP = new Endings(List.of(PLURALS));
    private static final Endings CONSONANT_PLURAL_STEP = new Endings(List.of(CONSONANT_PLURALS));

    private SomaliStemmer() {}

    static String stem(String word) {
        String stem = stripOne(word, FIRST_STEP);
        String unplural = stripOne(stem, PLURAL_STEP);
        if (unplural.equals(stem)) {
            String shorter = stripOne(stem, CONSONANT_PLURAL_STEP);
            if (shorter.length() < stem.length() && !isVowel(shorter.charAt(shorter.length() - 1))) unplural = shorter;
        }
        stem = unplural;
        if (stem.length() > MIN_STEM && isVowel(stem.charAt(stem.length() - 1))) {
            stem = stem.substring(0, stem.length() - 1);
        }
        return stem;
    }

    // The longest ending the word has that leaves at least MIN_STEM letters, removed.
    private static String stripOne(String word, Endings endings) {
        for (int length : endings.lengths) {
            if (word.length() - length < MIN_STEM) continue;
            if (endings.set.contains(word.substring(word.length() - length))) {
                return word.substring(0, word.length() - length);
            }
        }
        return word;
    }

    /**
     * Endings looked up by length, longest first: a handful of set lookups per word instead of a test
     * of each of the 123 endings (the stemmer was the largest cost of indexing an article, issue 20).
     */
    private static final class Endings {
        final int[] lengths;
        final java.util.Set<String> set;

        Endings(List<String> endings) {
            this.set = java.util.Set.copyOf(endings);
            this.lengths = endings.stream()
                    .mapToInt(String::length)
                    .distinct()
                    .boxed()
                    .sorted(Comparator.reverseOrder())
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    // Longest endings first, so "-kiisa" wins over "-a" and "-kii" over "-ii".
    private static List<String> firstStep() {
        List<String> endings = new ArrayList<>(List.of(ARTICLES));
        for (String consonant : ARTICLE_CONSONANTS) {
            for (String possessive : POSSESSIVES) {
                endings.add(consonant + possessive);
            }
        }
        endings.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(endings);
    }
}
