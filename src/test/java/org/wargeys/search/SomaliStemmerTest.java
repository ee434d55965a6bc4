package org.wargeys.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SomaliStemmerTest {

    /**
     * The lookup by ending length (issue 20) stems every word as the first version did, which tried
     * each ending in turn: every word of the Somali demo article, and each with every ending added.
     */
    @Test
    void stems_every_word_as_trying_each_ending_in_turn_did() throws IOException {
        List<String> endings = referenceEndings();
        TreeSet<String> words = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/demo/seed-article.so.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            for (String w : text.split("[^\\p{L}]+")) if (!w.isEmpty()) words.add(w);
        }
        assertThat(words).hasSizeGreaterThan(50);
        List<String> all = new ArrayList<>(words);
        for (String w : words) for (String e : endings) all.add(w + e);
        for (String e : endings) all.add(e);
        for (String w : all) assertThat(SomaliStemmer.stem(w)).as(w).isEqualTo(reference(w, endings));
    }

    // The first version, kept as the reference.
    private static String reference(String word, List<String> firstStep) {
        String stem = strip(word, firstStep);
        String unplural = strip(stem, List.of("ooyin", "yaal", "yaa"));
        if (unplural.equals(stem)) {
            String shorter = strip(stem, List.of("yo", "ya"));
            if (shorter.length() < stem.length() && !vowel(shorter.charAt(shorter.length() - 1))) unplural = shorter;
        }
        stem = unplural;
        if (stem.length() > SomaliStemmer.MIN_STEM && vowel(stem.charAt(stem.length() - 1)))
            stem = stem.substring(0, stem.length() - 1);
        return stem;
    }

    private static String strip(String word, List<String> endings) {
        for (String ending : endings) {
            if (word.endsWith(ending) && word.length() - ending.length() >= SomaliStemmer.MIN_STEM)
                return word.substring(0, word.length() - ending.length());
        }
        return word;
    }

    private static boolean vowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }

    private static List<String> referenceEndings() {
        List<String> endings = new ArrayList<>(List.of(
                "ka", "kii", "kaas", "ta", "tii", "taas", "ga", "gii", "gaas", "da", "dii", "daas", "ha", "hii", "haas",
                "sha", "shii", "shaas"));
        for (String c : new String[] {"k", "t", "g", "d", "h", "sh", ""}) {
            for (String p : new String[] {
                "iisa", "iisii", "eeda", "eedii", "ooda", "oodii", "ayga", "aygii", "aaga", "aagii", "ayada", "eenna",
                "eennii", "aanna", "aannii"
            }) endings.add(c + p);
        }
        endings.sort(Comparator.comparingInt(String::length).reversed());
        return endings;
    }
}
