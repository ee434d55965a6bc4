package org.wargeys.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wargeys.search.IndexedArticle;
import org.wargeys.search.SearchIndex;
import org.wargeys.search.SearchQuery;

/**
 * Indexes N generated articles (default 100,000) into a fresh index in a temporary directory, then
 * times searches of one, two and three words through the same path as the search page (analysis,
 * fuzzy terms, freshness boost, first page of 10 with highlighted snippets). Prints the figures.
 */
public final class SearchBench {

    static final int BATCH = 1_000;
    static final int WARMUP = 300;
    static final int QUERIES = 1_000;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        ArticleGenerator generator = new ArticleGenerator(42, now);
        Path dir = Files.createTempDirectory("wargeys-bench");
        System.out.printf("Machine: %d cores, Java %s, max heap %d MB, %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("os.name"), System.getProperty("os.arch"));
        try (SearchIndex index = SearchIndex.open(dir, clock)) {
            long started = System.nanoTime();
            List<IndexedArticle> batch = new ArrayList<>(BATCH);
            for (long i = 0; i < n; i++) {
                batch.add(generator.article(i));
                if (batch.size() == BATCH) {
                    index.putAll(batch);
                    batch.clear();
                }
            }
            index.putAll(batch);
            index.commit(true);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Indexed %,d articles in %.1f s (%,.0f articles/s); index size %,d MB%n", index.size(), seconds,
                    n / seconds, size(dir) >> 20);

            for (int words = 1; words <= 3; words++) {
                for (int i = 0; i < WARMUP; i++) search(index, generator, words, i);
                long[] nanos = new long[QUERIES];
                long hits = 0;
                for (int i = 0; i < QUERIES; i++) {
                    long t = System.nanoTime();
                    hits += search(index, generator, words, i);
                    nanos[i] = System.nanoTime() - t;
                }
                Arrays.sort(nanos);
                System.out.printf("%d-word queries: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (%d queries, %.0f hits shown on average)%n",
                        words, nanos[QUERIES / 2] / 1e6, nanos[QUERIES * 95 / 100] / 1e6, nanos[QUERIES * 99 / 100] / 1e6, QUERIES,
                        hits / (double) QUERIES);
            }
            // Related articles run on every uncached article page (issue 7's cold path).
            java.util.Random random = new java.util.Random(7);
            for (int i = 0; i < WARMUP; i++) index.related(random.nextInt(n) + 1, 4);
            long[] nanos = new long[QUERIES];
            for (int i = 0; i < QUERIES; i++) {
                long t = System.nanoTime();
                index.related(random.nextInt(n) + 1, 4);
                nanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            System.out.printf("related articles: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (%d articles)%n",
                    nanos[QUERIES / 2] / 1e6, nanos[QUERIES * 95 / 100] / 1e6, nanos[QUERIES * 99 / 100] / 1e6, QUERIES);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int search(SearchIndex index, ArticleGenerator generator, int words, int i) {
        String language = generator.languages().get(i % 2);
        return index.search(new SearchQuery(language, generator.query(language, words), null, null, null, 1, 10)).hits().size();
    }

    private static long size(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
