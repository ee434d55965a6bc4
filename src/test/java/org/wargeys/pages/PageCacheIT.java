package org.wargeys.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleDraft;
import org.wargeys.article.ArticlePaths;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/**
 * The page cache over real HTTP: headers, revalidation, compression and exact purges, on each
 * database. The tests share one demo site per database and start from an empty cache, as on a site
 * just started. On the shared site a test reads the demo articles and may add articles of its own (a
 * translation of a demo article included), but never edits, unpublishes or renames what is there: a
 * test that must, or that needs to know every article on the site, takes a site of its own with
 * {@link #useOwnSite()}.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageCacheIT {

    static final String EN = PublicSiteIT.EN;

    /** The site the running test uses: the shared one, or its own. */
    TestSite site;

    private TestSite shared;
    private TestSite own;

    @Parameter
    DatabaseKind database;

    DatabaseKind database() {
        return database;
    }

    @BeforeParameterizedClassInvocation
    void startSharedSite() {
        shared = TestSite.start(database());
    }

    @AfterParameterizedClassInvocation
    void deleteSharedSite() {
        if (shared != null) shared.deleteData();
    }

    @BeforeEach
    void emptyTheCache() {
        site = shared;
        // Every test starts from an empty page cache, as on a site just started.
        shared.wiring().web().pageCache().purgeAll();
    }

    @AfterEach
    void deleteOwnSite() {
        if (own != null) own.deleteData();
        own = null;
        site = shared;
    }

    /** Gives the running test a freshly started demo site of its own, deleted after it. */
    private void useOwnSite() {
        own = TestSite.start(database());
        site = own;
    }

    @Test
    void second_request_is_served_from_memory_with_the_same_strong_etag() {
        HttpResponse<String> first = site.get(EN);
        HttpResponse<String> second = site.get(EN);
        assertThat(first.headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(second.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(second.body()).isEqualTo(first.body());
        String etag = second.headers().firstValue("ETag").orElseThrow();
        assertThat(etag)
                .matches("\"[0-9a-f]{32}\"")
                .isEqualTo(first.headers().firstValue("ETag").orElseThrow());
        assertThat(second.headers().firstValue("Last-Modified")).isPresent();
        assertThat(second.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(second.headers().firstValue("Cache-Control").orElseThrow())
                .contains("public")
                .contains("stale-while-revalidate");
        assertThat(second.headers().firstValue("Surrogate-Key").orElseThrow().split(" "))
                .contains("group-1", "site")
                .anyMatch(k -> k.startsWith("article-"));
        assertThat(second.headers().firstValue("Cache-Tag")).isPresent();
        assertThat(second.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void revalidation_answers_304_without_a_body() {
        HttpResponse<String> page = site.get(EN);
        String etag = page.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> byTag = site.get(EN, Map.of("If-None-Match", etag));
        assertThat(byTag.statusCode()).isEqualTo(304);
        assertThat(byTag.body()).isEmpty();
        HttpResponse<String> byDate = site.get(
                EN,
                Map.of(
                        "If-Modified-Since",
                        page.headers().firstValue("Last-Modified").orElseThrow()));
        assertThat(byDate.statusCode()).isEqualTo(304);
        assertThat(site.get(EN, Map.of("If-None-Match", "\"somethingelse\"")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void gzip_is_served_to_clients_that_accept_it() throws IOException {
        String plain = site.get(EN).body();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + EN))
                .header("Accept-Encoding", "deflate, gzip;q=0.8")
                .build();
        HttpResponse<byte[]> zipped;
        try {
            zipped = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.headers().firstValue("ETag").orElseThrow()).endsWith("-gz\"");
        String unzipped = new String(
                new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(unzipped).isEqualTo(plain);
        assertThat(zipped.body().length).isLessThan(plain.length() / 2);
        assertThat(site.get(EN, Map.of("Accept-Encoding", "gzip;q=0")).headers().firstValue("Content-Encoding"))
                .isEmpty();
    }

    @Test
    void brotli_is_preferred_when_the_client_accepts_it() throws Exception {
        String plain = site.get(EN).body();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + EN))
                .header("Accept-Encoding", "gzip, deflate, br")
                .build();
        HttpResponse<byte[]> response =
                java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(response.headers().firstValue("ETag").orElseThrow()).endsWith("-br\"");
        com.aayushatharva.brotli4j.Brotli4jLoader.ensureAvailability();
        var decoded = com.aayushatharva.brotli4j.decoder.Decoder.decompress(response.body());
        assertThat(new String(decoded.getDecompressedData(), StandardCharsets.UTF_8))
                .isEqualTo(plain);
    }

    @Test
    void publishing_an_article_shows_it_on_the_cached_home_page_at_once() {
        site.get("/en/");
        assertThat(site.get("/en/").headers().firstValue("X-Cache")).hasValue("HIT");
        Article fresh = draft("Breaking: a new story");
        site.wiring().articles().service().publish(fresh.id(), Actor.TERMINAL);
        assertThat(Jsoup.parse(site.get("/en/").body()).select(".teaser h2").eachText())
                .contains("Breaking: a new story");
    }

    @Test
    void editing_and_unpublishing_take_effect_before_the_call_returns() {
        // Its own site: it edits and unpublishes the demo article, and expects the home page to list
        // that article alone.
        useOwnSite();
        var articles = site.wiring().articles().service();
        Article english =
                articles.findPublished("en", "iran-vows-soleimani-revenge").orElseThrow();
        site.get(EN);
        site.get("/en/");
        articles.update(english.id(), english.revision(), edit(english, "Iran vows revenge (updated)"), Actor.TERMINAL);
        assertThat(Jsoup.parse(site.get(EN).body()).select("h1").text()).isEqualTo("Iran vows revenge (updated)");
        assertThat(Jsoup.parse(site.get("/en/").body()).select(".teaser h2").text())
                .isEqualTo("Iran vows revenge (updated)");
        articles.unpublish(english.id(), Actor.TERMINAL);
        assertThat(site.get(EN).statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(site.get("/en/").body()).select(".teaser")).isEmpty();
    }

    @Test
    void publishing_a_translation_updates_the_notice_on_its_siblings() {
        var articles = site.wiring().articles().service();
        Article english =
                articles.findPublished("en", "iran-vows-soleimani-revenge").orElseThrow();
        site.get(EN);
        Article arabic = site.wiring().translations().progress().start(english.id(), "ar", Actor.TERMINAL);
        assertThat(site.get(EN).headers().firstValue("X-Cache")).hasValue("HIT");
        articles.publish(arabic.id(), Actor.TERMINAL);
        assertThat(Jsoup.parse(site.get(EN).body())
                        .select(".translation-notice p")
                        .text())
                .isEqualTo("This post is also available in: Somali, Arabic");
    }

    @Test
    void feeds_sitemaps_and_archives_are_cached_and_show_a_publish_at_once() {
        for (String path : new String[] {
            "/en/rss.xml", "/en/atom.xml", "/sitemap-en-1.xml", "/sitemap-news.xml", "/en/section/world"
        }) {
            assertThat(site.get(path).statusCode()).as(path).isEqualTo(200);
            assertThat(site.get(path).headers().firstValue("X-Cache")).as(path).hasValue("HIT");
        }
        site.wiring()
                .articles()
                .service()
                .publish(draft("A story every list must show").id(), Actor.TERMINAL);
        for (String path : new String[] {
            "/en/rss.xml", "/en/atom.xml", "/sitemap-en-1.xml", "/sitemap-news.xml", "/en/section/world"
        }) {
            HttpResponse<String> response = site.get(path);
            assertThat(response.headers().firstValue("X-Cache")).as(path).hasValue("MISS");
            assertThat(response.body())
                    .as(path)
                    .containsAnyOf("A story every list must show", "a-story-every-list-must-show");
        }
    }

    @Test
    void query_strings_other_than_an_archive_cursor_are_never_kept() {
        site.get(EN + "?utm_source=whatsapp");
        assertThat(site.get(EN + "?utm_source=whatsapp").headers().firstValue("X-Cache"))
                .hasValue("MISS");
        String older = "/en/section/world?before=" + (Instant.now().toEpochMilli() + 86_400_000L) + "-1";
        site.get(older);
        assertThat(site.get(older).headers().firstValue("X-Cache")).hasValue("HIT");
        site.get(older + "&x=1");
        assertThat(site.get(older + "&x=1").headers().firstValue("X-Cache")).hasValue("MISS");
    }

    @Test
    void purges_are_exact_an_unrelated_publish_keeps_the_article_page() {
        site.get(EN);
        site.get("/en/");
        Article other = draft("Unrelated story");
        site.wiring().articles().service().publish(other.id(), Actor.TERMINAL);
        assertThat(site.get(EN).headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(site.get("/en/").headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(site.get("/so/").headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(site.get("/so/").headers().firstValue("X-Cache")).hasValue("HIT");
    }

    @Test
    void renaming_a_section_drops_every_page_that_prints_its_name() {
        // Its own site: it renames the section of the demo article, whose pages the other tests read.
        useOwnSite();
        String[] paths = {EN, "/en/", "/en/rss.xml", "/en/tag/iran", "/so/"};
        for (String path : paths) site.get(path);
        site.wiring()
                .articles()
                .service()
                .defineSection("world", Map.of("en", "Planet", "so", "Adduunka", "ar", "العالم"), Actor.TERMINAL);
        for (String path : paths) {
            assertThat(site.get(path).headers().firstValue("X-Cache")).as(path).hasValue("MISS");
        }
        assertThat(Jsoup.parse(site.get(EN).body()).select(".kicker a").text()).isEqualTo("Planet");
        assertThat(Jsoup.parse(site.get("/en/tag/iran").body())
                        .select(".teaser")
                        .text())
                .contains("Planet");
        assertThat(site.get("/en/rss.xml").body()).contains("<category>Planet</category>");
        assertThat(site.get("/en/section/planet").statusCode()).isEqualTo(200);
    }

    @Test
    void a_new_featured_image_and_a_new_alt_text_show_at_once() throws Exception {
        Article story = published("Mourners gather in Tehran");
        String path = path(story);
        var media = site.wiring().media().service();
        var photo = media.upload(
                jpeg(),
                null,
                Map.of("en", new org.wargeys.media.Image.Text("Mourners in Tehran", null)),
                Actor.TERMINAL);
        site.get(path);
        site.wiring().articles().service().feature(story.id(), photo.id(), Actor.TERMINAL);
        assertThat(Jsoup.parse(site.get(path).body())
                        .select(".featured-image img")
                        .attr("alt"))
                .isEqualTo("Mourners in Tehran");
        assertThat(site.get(path)
                        .headers()
                        .firstValue("Surrogate-Key")
                        .orElseThrow()
                        .split(" "))
                .contains("media-" + photo.id());

        media.describe(
                photo.id(),
                "Photo layout",
                Map.of("en", new org.wargeys.media.Image.Text("Mourners carry a portrait", "Tehran, 2020")),
                Actor.TERMINAL);
        var page = Jsoup.parse(site.get(path).body());
        assertThat(page.select(".featured-image img").attr("alt")).isEqualTo("Mourners carry a portrait");
        assertThat(page.select(".featured-image figcaption").text())
                .contains("Tehran, 2020")
                .contains("Photo layout");

        site.wiring().articles().service().feature(story.id(), null, Actor.TERMINAL);
        assertThat(Jsoup.parse(site.get(path).body()).select(".featured-image")).isEmpty();
    }

    private static byte[] jpeg() throws IOException {
        var image = new java.awt.image.BufferedImage(800, 450, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    @Test
    void a_burst_of_readers_of_a_purged_page_costs_one_render() throws Exception {
        site.get(EN);
        site.wiring().web().pageCache().purge(List.of("group-1"));
        int readers = 24;
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < readers; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return site.get(EN);
                }));
            }
            start.countDown();
            List<String> cache = new ArrayList<>();
            for (Future<HttpResponse<String>> r : responses) {
                assertThat(r.get().statusCode()).isEqualTo(200);
                cache.add(r.get().headers().firstValue("X-Cache").orElseThrow());
            }
            // The first reader renders; everyone arriving meanwhile waits for that page.
            assertThat(cache).containsOnlyOnce("MISS").containsOnly("MISS", "HIT");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void no_stale_page_after_a_publish_returns_under_concurrent_readers() throws Exception {
        var articles = site.wiring().articles().service();
        Article story = published("A story edited while it is read");
        String path = path(story);
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(4);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            futures.add(readers.submit(() -> {
                int reads = 0;
                while (running.get()) {
                    assertThat(site.get(path).statusCode()).isEqualTo(200);
                    reads++;
                }
                return reads;
            }));
        }
        try {
            Article current = story;
            for (int edit = 1; edit <= 25; edit++) {
                String headline = "Headline edit " + edit;
                current = articles.update(current.id(), current.revision(), edit(current, headline), Actor.TERMINAL);
                // The edit has returned: from now on, no reader may get the old headline.
                for (int check = 0; check < 3; check++) {
                    assertThat(Jsoup.parse(site.get(path).body()).select("h1").text())
                            .as("after edit %d", edit)
                            .isEqualTo(headline);
                }
            }
        } finally {
            running.set(false);
            readers.shutdown();
        }
        int reads = 0;
        for (Future<Integer> f : futures) reads += f.get();
        assertThat(reads).isPositive();
    }

    @Test
    void an_uncached_article_page_costs_a_fixed_number_of_queries() throws Exception {
        // Its own site: the home page must list the demo article alone before twelve more are
        // published, or "the queries do not grow with the articles listed" would compare two full pages.
        useOwnSite();
        // The statement counter is global: wait for the start-up index rebuild, and take the least of
        // three measurements so that a scheduler tick landing inside one cannot fail the test.
        site.wiring().search().indexer().rebuilding().get();
        long articleQueries = leastQueries(EN);
        // Article, section, tags, authors, translations, corrections, featured image, share totals.
        assertThat(articleQueries).isBetween(1L, 12L);

        long homeWithOne = leastQueries("/en/");
        long archiveWithOne = leastQueries("/en/section/world");
        for (int i = 0; i < 12; i++) {
            site.wiring()
                    .articles()
                    .service()
                    .publish(draft("Story number " + i).id(), Actor.TERMINAL);
        }
        long homeWithThirteen = leastQueries("/en/");
        assertThat(homeWithThirteen)
                .as("queries do not grow with the number of articles listed")
                .isEqualTo(homeWithOne);
        assertThat(leastQueries("/en/section/world"))
                .as("nor on an archive page")
                .isEqualTo(archiveWithOne);

        site.get(EN);
        long before = site.wiring().platform().database().statementCount();
        site.get(EN);
        site.get(EN);
        assertThat(site.wiring().platform().database().statementCount() - before)
                .as("a cached page costs no query")
                .isZero();
    }

    // Renders the page uncached three times (dropping it from the cache before each) and returns the
    // fewest statements one render took.
    private long leastQueries(String path) {
        var database = site.wiring().platform().database();
        long least = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            site.wiring().web().pageCache().purge(List.of("latest-en", "group-1", "section-1"));
            long before = database.statementCount();
            assertThat(site.get(path).headers().firstValue("X-Cache")).hasValue("MISS");
            least = Math.min(least, database.statementCount() - before);
        }
        return least;
    }

    /** A new article of the test's own, published, in the demo article's section and tag. */
    private Article published(String headline) {
        return site.wiring().articles().service().publish(draft(headline).id(), Actor.TERMINAL);
    }

    private String path(Article article) {
        return new ArticlePaths(site.wiring().platform().site().timezone()).path(article);
    }

    private Article draft(String headline) {
        return site.wiring()
                .articles()
                .service()
                .createDraft(
                        new ArticleDraft(
                                "en",
                                null,
                                headline,
                                null,
                                null,
                                null,
                                "Body of " + headline + ".",
                                "world",
                                List.of("iran"),
                                List.of("newsroom")),
                        Actor.TERMINAL);
    }

    private ArticleDraft edit(Article article, String headline) {
        var details = site.wiring().articles().service().details(article);
        return new ArticleDraft(
                article.language(),
                article.slug(),
                headline,
                article.dateline(),
                article.standfirst(),
                article.bodyFormat(),
                article.body(),
                details.section().map(s -> s.key()).orElse(null),
                details.tags().stream().map(t -> t.key()).toList(),
                details.authors().stream().map(a -> a.key()).toList());
    }
}
