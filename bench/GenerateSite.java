import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.wargeys.Wiring;
import org.wargeys.article.ArticlePaths;
import org.wargeys.article.Cursor;
import org.wargeys.platform.Config;

/**
 * Generates a benchmark site: N articles in two languages (N/2 English articles, each with a
 * Somali translation), and a list of their public paths for load tools. Run from the project root
 * after a build:
 *   java -cp "target/wargeys.jar:target/lib/*" bench/GenerateSite.java DATA_DIR N PATHS_FILE
 *
 * The bulk path (issue 20): the articles are written as a WordPress export (Polylang groups, streamed
 * to a file beside the data directory) and loaded by the real importer in bulk (`wargeys import --bulk`:
 * a commit every 5,000 articles, the search index catching up with each on another thread), rendered,
 * indexed for search — hundreds of articles a second instead of the 30 a second of one
 * ArticleService call per article, with the same content (Zipf-distributed words, so related articles
 * and search have distinctive words to find).
 */
public class GenerateSite {

    private static final String[] EN = ("iran iraq embassy militia sanctions election president minister council "
            + "drought harvest market shilling port ship parliament court ruling protest rally teachers hospital "
            + "clinic vaccine rain flood river bridge road convoy rocket strike talks ceasefire treaty summit "
            + "budget tax trade export import camel livestock fishing coast border refugee camp aid agency").split(" ");
    private static final String[] SO = ("dowladda madaxweyne wasiir golaha baarlamaanka doorashada abaar roob "
            + "suuqa dekedda markab maxkamadda dibadbax macallimiinta isbitaalka tallaal daad webiga buundada "
            + "waddada kolonyo gantaal weerar wadahadal xabbad joojin heshiis shir miisaaniyad canshuur ganacsi "
            + "xoolaha kalluumeysi xeebta xadka qaxootiga xerada gargaar hay'adda").split(" ");
    private static final Instant FIRST = Instant.parse("2024-01-01T06:00:00Z");
    private static final DateTimeFormatter WP =
 DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]).toAbsolutePath();
        int count = Integer.parseInt(args[1]);
        Path pathsFile = Path.of(args[2]);
        Config config = new Config(0, "127.0.0.1", data, null, null, null, "http://localhost", true,
                "Warsoor", "WARSOOR", "Africa/Mogadishu", List.of("en", "so", "ar"));
        Random random = new Random(42);
        String[] englishWords = vocabulary(EN, "/demo/seed-article.en.txt");
        String[] somaliWords = vocabulary(SO, "/demo/seed-article.so.txt");
        long started = System.nanoTime();
        Files.createDirectories(data);
        Path wxr = data.resolveSibling(data.getFileName() + "-articles.xml");
        writeExport(wxr, count, random, englishWords, somaliWords);
        System.err.printf("wrote %d articles as %s (%d MB) in %.1f s%n", count, wxr, Files.size(wxr) >> 20,
                (System.nanoTime() - started) / 1e9);
        List<String> paths = new ArrayList<>();
        try (Wiring wiring = new Wiring(config, Clock.systemUTC())) {
            // A new site builds its (empty) index in the background and marks it complete; the import
            // then indexes its articles in one batch on top, so no rebuild is needed afterwards.
            wiring.search().start();
            wiring.search().indexer().rebuilding().get();

            var report = wiring.importer().wordPress().importFile(wxr, null, false, (read, total) -> {}, true);
            System.err.printf("imported %d articles (%d skipped) after %.1f s%n", report.imported(),
                    report.skipped().size(), (System.nanoTime() - started) / 1e9);

            var archive = wiring.articles().archive();
            var urls = new ArticlePaths(wiring.platform().site().timezone());
            // Oldest first, English and Somali interleaved as they were generated (load tools read the
            // first path as "the" article and draw the others at random); the demo articles left out.
            List<String> english = new ArrayList<>();
            List<String> somali = new ArrayList<>();
            for (String language : List.of("en", "so")) {
                List<String> into = language.equals("en") ? english : somali;
                var from = archive.publishedAt(language, 0);
                while (from.isPresent()) {
                    var page = archive.publishedFrom(language, from.get(), 10_001);
                    page.stream()
                            .limit(10_000)
                            .filter(a -> !a.publishedAt().isBefore(FIRST))
                            .forEach(a -> into.add(urls.path(a)));
                    from = page.size() > 10_000 ? Optional.of(Cursor.of(page.get(10_000))) : Optional.empty();
                }
            }
            for (int i = 0; i < Math.max(english.size(), somali.size()); i++) {
                if (i < english.size()) paths.add(english.get(i));
                if (i < somali.size()) paths.add(somali.get(i));
            }
            if (wiring.search().lag() > 0) throw new IllegalStateException("the search index did not catch up");

        }
        if (System.getenv("KEEP_WXR") == null) Files.delete(wxr);
        Files.write(pathsFile, paths);
        System.err.printf("generated %d articles in %.1f s%n", paths.size(), (System.nanoTime() - started) / 1e9);
    }

    /** N/2 Polylang groups of an English post and its Somali translation, a publish time 50 min apart (or less). */
    private static void writeExport(Path file, int count, Random random, String[] englishWords, String[] somaliWords)
            throws IOException {
        Instant first = FIRST;
        // 50 minutes apart, or closer on big sites: every article published before today (an article
        // dated in the future is imported as scheduled, not published: at 3,000 s apart a 1,000,000-article
        // site would reach 2071).
        long step = Math.max(10, Math.min(3_000L, (Instant.now().getEpochSecond() - FIRST.getEpochSecond() - 86_400) / Math.max(1, count / 2)));
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("""
                    <?xml version="1.0" encoding="UTF-8" ?>
                    <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                    <channel>
                    <title>Warsoor</title><link>https://bench.example</link><language>en-US</language>
                    <wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://bench.example</wp:base_site_url><wp:base_blog_url>https://bench.example</wp:base_blog_url>
                    <wp:author><wp:author_login>newsroom</wp:author_login><wp:author_display_name><![CDATA[Newsroom]]></wp:author_display_name></wp:author>
                    <wp:category><wp:term_id>100</wp:term_id><wp:category_nicename>world</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[World]]></wp:cat_name></wp:category>
                    <wp:tag><wp:term_id>200</wp:term_id><wp:tag_slug>iran</wp:tag_slug><wp:tag_name><![CDATA[Iran]]></wp:tag_name></wp:tag>
                    <wp:term><wp:term_id>10</wp:term_id><wp:term_taxonomy>language</wp:term_taxonomy><wp:term_slug>en</wp:term_slug><wp:term_name>en</wp:term_name></wp:term>
                    <wp:term><wp:term_id>11</wp:term_id><wp:term_taxonomy>language</wp:term_taxonomy><wp:term_slug>so</wp:term_slug><wp:term_name>so</wp:term_name></wp:term>
                    """);
            for (int i = 0; i < count / 2; i++) {
                Instant when = first.plusSeconds(i * step);
                item(w, 2 * i + 1, "en", i, when, englishWords, random);
                item(w, 2 * i + 2, "so", i, when.plusSeconds(step / 5), somaliWords, random);
                if ((i + 1) % 50_000 == 0) System.err.printf("wrote %d of %d articles%n", (i + 1) * 2, count);
            }
            w.write("</channel>\n</rss>\n");
        }
    }

    private static void item(BufferedWriter w, int id, String language, int group, Instant when, String[] words,
            Random random) throws IOException {
        String headline = capitalize(sentence(words, random, 8)) + " " + group;
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 12; p++) {
            body.append("<p>");
            for (int s = 0; s < 4; s++) body.append(capitalize(sentence(words, random, 12))).append(". ");
            body.append("</p>\n");
        }
        String slug = headline.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "");
        w.write("<item>\n<title><![CDATA[" + headline + "]]></title>\n");
        w.write("<dc:creator><![CDATA[newsroom]]></dc:creator>\n<guid isPermaLink=\"false\">https://bench.example/?p=" + id + "</guid>\n");
        w.write("<content:encoded><![CDATA[" + body + "]]></content:encoded>\n<excerpt:encoded><![CDATA[]]></excerpt:encoded>\n");
        w.write("<wp:post_id>" + id + "</wp:post_id>\n<wp:post_date>" + WP.format(when.plusSeconds(3 * 3600)) + "</wp:post_date>\n");
        w.write("<wp:post_date_gmt>" + WP.format(when) + "</wp:post_date_gmt>\n");
        w.write("<wp:post_modified>" + WP.format(when.plusSeconds(3 * 3600)) + "</wp:post_modified>\n<wp:post_modified_gmt>" + WP.format(when) + "</wp:post_modified_gmt>\n");
        w.write("<wp:post_name><![CDATA[" + slug + "]]></wp:post_name>\n<wp:status>publish</wp:status>\n<wp:post_parent>0</wp:post_parent>\n<wp:post_type>post</wp:post_type>\n<wp:is_sticky>0</wp:is_sticky>\n");
        w.write("<category domain=\"category\" nicename=\"world\"><![CDATA[World]]></category>\n");
        w.write("<category domain=\"post_tag\" nicename=\"iran\"><![CDATA[Iran]]></category>\n");
        w.write("<category domain=\"language\" nicename=\"" + language + "\"><![CDATA[" + language + "]]></category>\n");
        w.write("<category domain=\"post_translations\" nicename=\"pll_" + group + "\"><![CDATA[pll_" + group + "]]></category>\n");
        w.write("</item>\n");
    }

    private static String sentence(String[] words, Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) out.append(' ');
            out.append(words[zipf(words.length, random)]);
        }
        return out.toString();
    }

    // Word ranks drawn with probability ~ 1/rank, as in real text: a few words are in every article,
    // most are in few, so related articles and search have distinctive words to work with.
    private static int zipf(int n, Random random) {
        double harmonic = Math.log(n) + 0.5772;
        double target = random.nextDouble() * harmonic;
        return (int) Math.min(n - 1, Math.max(0, Math.floor(Math.exp(target - 0.5772)) - 1));
    }

    /** The news words above, then every other word of the demo article in that language. */
    private static String[] vocabulary(String[] curated, String resource) {
        try (var in = GenerateSite.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("Missing " + resource + " on the class path");
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).toLowerCase();
            List<String> words = new ArrayList<>(List.of(curated));
            for (String w : text.split("[^\\p{L}\\p{N}']+")) if (w.length() > 2 && !words.contains(w)) words.add(w);
            return words.toArray(String[]::new);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
