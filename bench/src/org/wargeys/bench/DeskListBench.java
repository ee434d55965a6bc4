package org.wargeys.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wargeys.Wiring;
import org.wargeys.account.Role;
import org.wargeys.platform.Actor;
import org.wargeys.platform.Config;
import org.wargeys.search.IndexedArticle;

/**
 * The newsroom's article list at N articles (default 100,000; issue 14 asks for under 100 ms): fills a
 * fresh database with N articles in English and Somali (half of the Somali ones translations, some
 * outdated; drafts, articles in review, scheduled and published; four sections, twenty bylines),
 * starts the real server, signs in as an editor and times {@code GET /admin/articles} over HTTP (the
 * whole answer: the queries, the page's HTML) for the first page, pages far down the list reached
 * through its "next" links, every filter, the sorts and a search by words. Prints p50/p95/max per case.
 *
 *   bench/desk-list-bench.sh [N] [JDBC_URL]    (SQLite in a temporary directory when no URL is given)
 */
public final class DeskListBench {

    static final int BATCH = 2_000;
    static final int WARMUP = 30;
    static final int RUNS = 200;
    static final String PASSWORD = "bench bench bench";

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String dbUrl = args.length > 1 ? args[1] : null;
        Instant now = Instant.parse("2026-11-29T10:00:00Z");
        Path data = Files.createTempDirectory("wargeys-desk-bench");
        System.out.printf(
                "Machine: %d cores, Java %s, max heap %d MB, %s; database %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("os.name"),
                dbUrl == null ? "SQLite" : dbUrl);
        Config config = new Config(
                0, "127.0.0.1", data, dbUrl, dbUrl == null ? null : System.getenv().getOrDefault("BENCH_DB_USER", "app"),
                System.getenv("BENCH_DB_PASSWORD"), null, false, "Warsoor", "WARSOOR", "Africa/Mogadishu",
                List.of("en", "so", "ar"), 0L, null, Map.of(), List.of(), 64, 1, Set.of());
        try (Wiring wiring = new Wiring(config, Clock.systemUTC())) {
            long started = System.nanoTime();
            fill(wiring, n, now);
            System.out.printf("Filled %,d articles in %.1f s%n", n, (System.nanoTime() - started) / 1e9);
            wiring.accounts().accounts().create("editor@example.org", "Edna", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
            int port = wiring.start();
            // The search index is rebuilt in the background at the start: let it finish so it does not share the CPU.
            wiring.search().indexer().rebuilding().join();
            Client client = new Client("http://127.0.0.1:" + port);
            client.signIn("editor@example.org", PASSWORD);

            Map<String, String> cases = new LinkedHashMap<>();
            cases.put("first page (last edited first)", "/admin/articles");
            cases.put("status=published", "/admin/articles?status=published");
            cases.put("status=in_review", "/admin/articles?status=in_review");
            cases.put("language=so", "/admin/articles?language=so");
            cases.put("section=sport", "/admin/articles?section=sport");
            cases.put("author=author-7", "/admin/articles?author=author-7");
            cases.put("translation=outdated", "/admin/articles?translation=outdated");
            cases.put("translation=incomplete", "/admin/articles?translation=incomplete");
            cases.put("sort=headline", "/admin/articles?sort=headline");
            cases.put("sort=published", "/admin/articles?sort=published");
            cases.put("language=en&status=draft&section=world", "/admin/articles?language=en&status=draft&section=world");
            String deep = client.follow("/admin/articles", 200);
            cases.put("page 201 (10,000 rows down, through the next links)", deep);
            String deepHeadline = client.follow("/admin/articles?sort=headline", 200);
            cases.put("page 201 sorted by headline", deepHeadline);
            var generator = new ArticleGenerator(7, now);
            for (int words = 1; words <= 2; words++) {
                String q = generator.query("en", words);
                cases.put("search, " + words + " word(s): " + q, "/admin/articles?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            }
            cases.put("search, a word in no article", "/admin/articles?q=zzzqqq");

            for (var c : cases.entrySet()) {
                for (int i = 0; i < WARMUP; i++) client.get(c.getValue());
                long[] nanos = new long[RUNS];
                int rows = 0;
                for (int i = 0; i < RUNS; i++) {
                    long t = System.nanoTime();
                    String body = client.get(c.getValue());
                    nanos[i] = System.nanoTime() - t;
                    rows = count(body, "data-article=\"");
                }
                Arrays.sort(nanos);
                System.out.printf(
                        "%-55s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  (%d rows)%n",
                        c.getKey(), nanos[RUNS / 2] / 1e6, nanos[RUNS * 95 / 100] / 1e6, nanos[RUNS - 1] / 1e6, rows);
            }
        } finally {
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** N articles straight into the tables (the article service would take minutes; the list only reads). */
    static void fill(Wiring wiring, int n, Instant now) throws Exception {
        var generator = new ArticleGenerator(42, now);
        Random random = new Random(42);
        long nowMs = now.toEpochMilli();
        List<String> sections = List.of("world", "politics", "sport", "business");
        List<String> statuses = List.of("published", "published", "published", "published", "published", "published",
                "published", "draft", "draft", "in_review", "scheduled", "unpublished");
        try (var handle = wiring.platform().database().jdbi().open()) {
            Connection c = handle.getConnection();
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO sections (id, key, position) VALUES (?, ?, ?)");
                    PreparedStatement sn = c.prepareStatement(
                            "INSERT INTO section_names (section_id, language, name, slug) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < sections.size(); i++) {
                    s.setLong(1, i + 1);
                    s.setString(2, sections.get(i));
                    s.setInt(3, i);
                    s.executeUpdate();
                    for (String lang : List.of("en", "so")) {
                        sn.setLong(1, i + 1);
                        sn.setString(2, lang);
                        sn.setString(3, sections.get(i) + " (" + lang + ")");
                        sn.setString(4, sections.get(i));
                        sn.executeUpdate();
                    }
                }
            }
            try (PreparedStatement a = c.prepareStatement("INSERT INTO authors (id, key, name) VALUES (?, ?, ?)")) {
                for (int i = 1; i <= 20; i++) {
                    a.setLong(1, i);
                    a.setString(2, "author-" + i);
                    a.setString(3, "Author " + i);
                    a.executeUpdate();
                }
            }
            c.commit();
            try (PreparedStatement group = c.prepareStatement(
                            "INSERT INTO translation_groups (id, source_language, created_at) VALUES (?, 'en', ?)");
                    PreparedStatement article = c.prepareStatement("INSERT INTO articles (id, translation_group_id, language,"
                            + " slug, headline, standfirst, body_format, body, body_html, section_id, status, created_at,"
                            + " updated_at, published_at, scheduled_at, revision) VALUES (?, ?, ?, ?, ?, ?, 'markdown', ?, ?, ?,"
                            + " ?, ?, ?, ?, ?, ?)");
                    PreparedStatement byline =
                            c.prepareStatement("INSERT INTO article_authors (article_id, author_id, position) VALUES (?, ?, 0)");
                    PreparedStatement origin = c.prepareStatement("INSERT INTO article_origins (article_id, created_by,"
                            + " source_article_id, source_revision) VALUES (?, NULL, ?, ?)")) {
                for (long i = 0; i < n; i++) {
                    IndexedArticle g = generator.article(i);
                    long id = i + 1;
                    long groupId = i / 2 + 1;
                    boolean somali = i % 2 == 1;
                    // Half the Somali articles are translations of their English pair; the rest stand alone
                    // in a group of their own (so the English one's group lacks Somali and Arabic).
                    boolean translation = somali && random.nextBoolean();
                    long groupOf = translation ? groupId : (somali ? n + id : groupId);
                    if (!translation) {
                        group.setLong(1, groupOf);
                        group.setLong(2, nowMs);
                        group.addBatch();
                    }
                    String status = statuses.get(random.nextInt(statuses.size()));
                    long created = g.publishedAt().toEpochMilli();
                    long updated = created + random.nextInt(86_400_000);
                    int revision = 1 + random.nextInt(4);
                    article.setLong(1, id);
                    article.setLong(2, groupOf);
                    article.setString(3, g.language());
                    article.setString(4, "generated-" + i);
                    article.setString(5, g.headline());
                    article.setString(6, g.standfirst());
                    article.setString(7, g.bodyText());
                    article.setString(8, "<p>" + g.bodyText() + "</p>");
                    article.setLong(9, sections.indexOf(g.sectionKey()) + 1);
                    article.setString(10, status);
                    article.setLong(11, created);
                    article.setLong(12, updated);
                    if (status.equals("published") || status.equals("unpublished")) article.setLong(13, updated);
                    else article.setNull(13, java.sql.Types.BIGINT);
                    if (status.equals("scheduled")) article.setLong(14, nowMs + random.nextInt(7 * 86_400_000));
                    else article.setNull(14, java.sql.Types.BIGINT);
                    article.setInt(15, revision);
                    article.addBatch();
                    byline.setLong(1, id);
                    byline.setLong(2, 1 + random.nextInt(20));
                    byline.addBatch();
                    if (translation) {
                        origin.setLong(1, id);
                        origin.setLong(2, id - 1);
                        // A quarter of the translations lag behind their source's latest revision.
                        origin.setInt(3, random.nextInt(4) == 0 ? 0 : 99);
                        origin.addBatch();
                    }
                    if (id % BATCH == 0 || id == n) {
                        group.executeBatch();
                        article.executeBatch();
                        byline.executeBatch();
                        origin.executeBatch();
                        c.commit();
                    }
                }
            }
            c.setAutoCommit(true);
        }
        // An up-to-date translation must not look outdated: 99 stood for "the source's latest".
        wiring.platform()
                .database()
                .jdbi()
                .useHandle(h -> h.execute("UPDATE article_origins SET source_revision = (SELECT revision FROM articles s"
                        + " WHERE s.id = article_origins.source_article_id) WHERE source_revision = 99"));
        wiring.platform().database().jdbi().useHandle(h -> h.execute("ANALYZE"));
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) count++;
        return count;
    }

    /** A staff member's browser, without the browser: the session cookie, and the sign-in form's. */
    static final class Client {
        final HttpClient http = HttpClient.newHttpClient();
        final String origin;
        String session;

        Client(String origin) {
            this.origin = origin;
        }

        void signIn(String email, String password) throws Exception {
            HttpResponse<String> form = http.send(
                    HttpRequest.newBuilder(URI.create(origin + "/admin/login")).build(), HttpResponse.BodyHandlers.ofString());
            String signInCookie = cookie(form, "wargeys_sign_in");
            Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
            if (!token.find()) throw new IllegalStateException("no CSRF token on the sign-in page");
            String body = "csrf=" + enc(token.group(1)) + "&email=" + enc(email) + "&password=" + enc(password);
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(origin + "/admin/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Cookie", "wargeys_sign_in=" + signInCookie)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            session = cookie(answer, "wargeys_session");
            if (session == null || session.isEmpty()) throw new IllegalStateException("sign-in refused: " + answer.statusCode());
        }

        String get(String path) throws Exception {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(origin + path))
                            .header("Cookie", "wargeys_session=" + session)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) throw new IllegalStateException(path + " answered " + answer.statusCode());
            return answer.body();
        }

        /** The address reached by following the list's "next" link this many times. */
        String follow(String path, int pages) throws Exception {
            String at = path;
            Pattern next = Pattern.compile("<a [^>]*rel=\"next\"[^>]*href=\"([^\"]+)\"|<a [^>]*href=\"([^\"]+)\"[^>]*rel=\"next\"");
            for (int i = 0; i < pages; i++) {
                Matcher m = next.matcher(get(at));
                if (!m.find()) throw new IllegalStateException("no next link on " + at);
                at = (m.group(1) != null ? m.group(1) : m.group(2)).replace("&amp;", "&");
            }
            return at;
        }

        private static String cookie(HttpResponse<?> response, String name) {
            for (String header : response.headers().allValues("set-cookie")) {
                if (header.startsWith(name + "=")) return header.substring(name.length() + 1, header.indexOf(';'));
            }
            return null;
        }

        private static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
