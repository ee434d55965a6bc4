import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.wargeys.Wiring;
import org.wargeys.article.ArticleDraft;
import org.wargeys.article.ArticleEdit;
import org.wargeys.platform.Actor;
import org.wargeys.article.ArticlePaths;
import org.wargeys.article.BodyFormat;
import org.wargeys.article.Dateline;
import org.wargeys.platform.Config;

/**
 * Generates a benchmark site: N articles in two languages (N/2 English articles, each with a
 * Somali translation), written through the real ArticleService into a data directory, and a list of
 * their public paths for load tools. Run from the project root after a build:
 *   java -cp "target/wargeys.jar:target/lib/*" bench/GenerateSite.java DATA_DIR N PATHS_FILE
 */
public class GenerateSite {

    private static final Actor BENCH = new Actor(null, "bench", null);

    private static final String[] EN = ("iran iraq embassy militia sanctions election president minister council "
            + "drought harvest market shilling port ship parliament court ruling protest rally teachers hospital "
            + "clinic vaccine rain flood river bridge road convoy rocket strike talks ceasefire treaty summit "
            + "budget tax trade export import camel livestock fishing coast border refugee camp aid agency").split(" ");
    private static final String[] SO = ("dowladda madaxweyne wasiir golaha baarlamaanka doorashada abaar roob "
            + "suuqa dekedda markab maxkamadda dibadbax macallimiinta isbitaalka tallaal daad webiga buundada "
            + "waddada kolonyo gantaal weerar wadahadal xabbad joojin heshiis shir miisaaniyad canshuur ganacsi "
            + "xoolaha kalluumeysi xeebta xadka qaxootiga xerada gargaar hay'adda").split(" ");

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Path pathsFile = Path.of(args[2]);
        Config config = new Config(0, "127.0.0.1", data, null, null, null, "http://localhost", true,
                "Warsoor", "WARSOOR", "Africa/Mogadishu", List.of("en", "so", "ar"));
        Random random = new Random(42);
        String[] englishWords = vocabulary(EN, "/demo/seed-article.en.txt");
        String[] somaliWords = vocabulary(SO, "/demo/seed-article.so.txt");
        List<String> paths = new ArrayList<>();
        long started = System.nanoTime();
        try (Wiring wiring = new Wiring(config, Clock.systemUTC())) {
            var articles = wiring.articles().service();
            var urls = new ArticlePaths(wiring.platform().site().timezone());
            Instant first = Instant.parse("2024-01-01T06:00:00Z");
            for (int i = 0; i < count / 2; i++) {
                Instant when = first.plusSeconds(i * 3_000L);
                var english = articles.createDraft(draft("en", englishWords, random, i), BENCH);
                english = articles.publishArchived(english.id(), when, BENCH);
                var somali = articles.createTranslation(english.translationGroupId(), ArticleEdit.of(draft("so", somaliWords, random, i)), BENCH);
                somali = articles.publishArchived(somali.id(), when.plusSeconds(600), BENCH);
                paths.add(urls.path(english));
                paths.add(urls.path(somali));
                if ((i + 1) % 500 == 0) System.err.printf("generated %d of %d articles%n", (i + 1) * 2, count);
            }
            // Every publish indexed its article; the rebuild marks the index complete, so the server
            // does not rebuild it in the background while it is being measured.
            wiring.search().indexer().rebuild((done, total) -> {});
        }
        Files.write(pathsFile, paths);
        System.err.printf("generated %d articles in %.1f s%n", paths.size(), (System.nanoTime() - started) / 1e9);
    }

    private static ArticleDraft draft(String language, String[] words, Random random, int n) {
        String headline = capitalize(sentence(words, random, 8)) + " " + n;
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 12; p++) {
            for (int s = 0; s < 4; s++) body.append(capitalize(sentence(words, random, 12))).append(". ");
            body.append("\n\n");
        }
        return new ArticleDraft(language, null, headline, new Dateline("MOGADISHU", "WARSOOR"), null,
                BodyFormat.MARKDOWN, body.toString(), "world", List.of("iran"), List.of("newsroom"));
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
