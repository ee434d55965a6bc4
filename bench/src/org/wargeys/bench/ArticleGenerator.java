package org.wargeys.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.wargeys.search.IndexedArticle;

/**
 * Generates articles in English and Somali from the words of the demo article (its two languages),
 * with word frequencies following Zipf's law as real text does, so that common words match many
 * articles and rare ones few. Deterministic for a seed.
 */
public final class ArticleGenerator {

    private final Map<String, List<String>> vocabulary = new LinkedHashMap<>();
    private final Random random;
    private final Instant newest;

    public ArticleGenerator(long seed, Instant newest) throws IOException {
        this.random = new Random(seed);
        this.newest = newest;
        vocabulary.put("en", words("/demo/seed-article.en.txt"));
        vocabulary.put("so", words("/demo/seed-article.so.txt"));
    }

    /** Article {@code i} of a run: even numbers English, odd Somali; a pair shares a translation group. */
    public IndexedArticle article(long i) {
        String language = i % 2 == 0 ? "en" : "so";
        String headline = capitalize(sentence(language, 6 + random.nextInt(6)));
        String standfirst = capitalize(sentence(language, 15 + random.nextInt(15))) + ".";
        StringBuilder body = new StringBuilder();
        int paragraphs = 4 + random.nextInt(8);
        for (int p = 0; p < paragraphs; p++) body.append(capitalize(sentence(language, 30 + random.nextInt(50)))).append(". ");
        Instant published = newest.minusSeconds((long) (random.nextDouble() * 3 * 365 * 86_400));
        String section = List.of("world", "politics", "sport", "business").get(random.nextInt(4));
        return new IndexedArticle(i + 1, i / 2 + 1, language, headline, standfirst, body.toString(), section, section,
                List.of("tag-" + random.nextInt(50)), "/" + language + "/2024/01/generated-" + i, published);
    }

    /** A query of {@code words} words drawn like the text is (so common words are asked for more). */
    public String query(String language, int words) {
        return sentence(language, words);
    }

    public List<String> languages() {
        return List.copyOf(vocabulary.keySet());
    }

    private String sentence(String language, int length) {
        List<String> words = vocabulary.get(language);
        StringBuilder out = new StringBuilder();
        for (int w = 0; w < length; w++) {
            if (w > 0) out.append(' ');
            out.append(words.get(zipf(words.size())));
        }
        return out.toString();
    }

    // Rank r is chosen with probability ~ 1/r.
    private int zipf(int n) {
        double harmonic = Math.log(n) + 0.5772;
        double target = random.nextDouble() * harmonic;
        int rank = (int) Math.min(n - 1, Math.max(0, Math.floor(Math.exp(target - 0.5772)) - 1));
        return rank;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static List<String> words(String resource) throws IOException {
        try (InputStream in = ArticleGenerator.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("Missing " + resource + " on the class path");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).toLowerCase();
            List<String> words = new ArrayList<>(Arrays.stream(text.split("[^\\p{L}\\p{N}'’-]+"))
                    .filter(w -> w.length() > 1).distinct().toList());
            java.util.Collections.shuffle(words, new Random(7));
            return words;
        }
    }
}
