package org.wargeys.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleDraft;
import org.wargeys.media.Image;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.ApiClient;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/**
 * The Content API on both databases: lists by language, section, tag, author and dates, newest first,
 * page by page with a cursor; one article whole; sections, tags and authors; search; and answers kept
 * by the page cache with ETags, dropped exactly when a publication changes them. Every answer is
 * checked against the OpenAPI document ({@link ApiClient}). The tests share one demo site; each adds
 * what it reads under names of its own.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentApiIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @Parameter
    DatabaseKind database;

    TestSite site;
    ApiClient api;

    @BeforeParameterizedClassInvocation
    void start() throws Exception {
        site = TestSite.start(database);
        site.wiring().search().indexer().rebuilding().get();
        api = ApiClient.anonymous(site);
        var articles = site.wiring().articles().service();
        articles.defineSection("sport", Map.of("en", "Sport", "so", "Ciyaaraha"), Actor.TERMINAL);
        articles.defineTag("football", Map.of("en", "Football", "so", "Kubadda cagta"), Actor.TERMINAL);
        articles.defineAuthor("hodan", "Hodan Ali", Map.of("en", "Hodan Ali"), Actor.TERMINAL);
        // Five match reports a day apart, the newest last; every second one by Hodan, tagged football.
        for (int i = 1; i <= 5; i++) {
            var draft = articles.createDraft(
                    new ArticleDraft(
                            "en",
                            "derby-round-" + i,
                            "Derby, round " + i,
                            null,
                            "Round " + i + " of the Mogadishu derby.",
                            null,
                            "Mogadishu derby, round " + i + ".",
                            "sport",
                            i % 2 == 0 ? List.of("football") : List.of(),
                            i % 2 == 0 ? List.of("hodan") : List.of()),
                    Actor.TERMINAL);
            articles.publishArchived(draft.id(), Instant.parse("2026-03-0" + i + "T12:00:00Z"), Actor.TERMINAL);
        }
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (site != null) site.deleteData();
    }

    @Test
    void articles_are_listed_newest_first_a_page_at_a_time_with_a_cursor() throws Exception {
        List<Integer> pageSizes = new ArrayList<>();
        List<String> headlines = walk("/api/v1/articles?language=en&section=sport&limit=2", pageSizes);
        assertThat(pageSizes).hasSize(3);
        assertThat(headlines)
                .containsExactly(
                        "Derby, round 5", "Derby, round 4", "Derby, round 3", "Derby, round 2", "Derby, round 1");
    }

    /** The headlines of a list, followed from page to page by its "next" links. */
    private List<String> walk(String first) throws Exception {
        return walk(first, new ArrayList<>());
    }

    /** The same, noting how many articles each page held. */
    private List<String> walk(String first, List<Integer> pageSizes) throws Exception {
        List<String> headlines = new ArrayList<>();
        String next = first;
        while (next != null) {
            JsonNode page = json(api.get(next));
            page.path("items").forEach(a -> headlines.add(a.path("headline").asText()));
            pageSizes.add(page.path("items").size());
            next = page.path("next").isNull()
                    ? null
                    : page.path("next").asText().replace(site.baseUrl(), "");
        }
        return headlines;
    }

    @Test
    void lists_filter_by_tag_author_and_publication_day() throws Exception {
        assertThat(headlines(api.get("/api/v1/articles?language=en&tag=football")))
                .containsExactly("Derby, round 4", "Derby, round 2");
        assertThat(headlines(api.get("/api/v1/articles?author=hodan")))
                .containsExactly("Derby, round 4", "Derby, round 2");
        // A tag's or an author's articles in one language are read from the link tables' copy of each
        // article's language, status and time (V0034), a page at a time like any list.
        assertThat(walk("/api/v1/articles?language=en&tag=football&limit=1"))
                .containsExactly("Derby, round 4", "Derby, round 2");
        assertThat(walk("/api/v1/articles?language=en&author=hodan&limit=1"))
                .containsExactly("Derby, round 4", "Derby, round 2");
        assertThat(walk("/api/v1/articles?language=en&tag=football&author=hodan&section=sport&from=2026-03-03&limit=1"))
                .containsExactly("Derby, round 4");
        assertThat(walk("/api/v1/articles?language=so&tag=football&limit=1")).isEmpty();
        assertThat(headlines(api.get("/api/v1/articles?language=en&section=sport&from=2026-03-02&to=2026-03-03")))
                .containsExactly("Derby, round 3", "Derby, round 2");
        assertThat(json(api.get("/api/v1/articles?section=no-such-section")).path("items"))
                .isEmpty();
        assertThat(headlines(api.get("/api/v1/articles?language=so")))
                .singleElement()
                .asString()
                .startsWith("Iran oo ballan-qaaday");
    }

    @Test
    void one_article_has_its_body_dateline_bylines_image_in_every_width_corrections_and_translations()
            throws Exception {
        var articles = site.wiring().articles().service();
        Article english =
                articles.findPublished("en", "iran-vows-soleimani-revenge").orElseThrow();
        Image image = site.wiring()
                .media()
                .service()
                .upload(
                        jpeg(),
                        "Photo: Warsoor",
                        Map.of("en", new Image.Text("Tehran at night", "Tehran")),
                        Actor.TERMINAL);
        articles.feature(english.id(), image.id(), Actor.TERMINAL);
        site.wiring().articles().corrections().add(english.id(), "An earlier version misspelt a name.", Actor.TERMINAL);

        JsonNode article = json(api.get("/api/v1/articles/" + english.id()));

        assertThat(article.path("headline").asText()).isEqualTo(english.headline());
        assertThat(article.path("dateline").path("printed").asText()).isEqualTo("IRAN – (WARSOOR) –");
        assertThat(article.path("body_html").asText()).contains("<p>");
        assertThat(article.path("bylines").get(0).path("key").asText()).isEqualTo("newsroom");
        assertThat(article.path("section").path("name").asText()).isEqualTo("World");
        assertThat(article.path("featured_image").path("alt").asText()).isEqualTo("Tehran at night");
        assertThat(article.path("featured_image").path("renditions").size()).isGreaterThan(1);
        assertThat(article.path("featured_image")
                        .path("renditions")
                        .get(0)
                        .path("url")
                        .asText())
                .startsWith(site.baseUrl() + "/media/" + image.id() + "-");
        assertThat(article.path("corrections").get(0).path("note").asText())
                .isEqualTo("An earlier version misspelt a name.");
        assertThat(article.path("translations").get(0).path("language").asText())
                .isEqualTo("so");
        assertThat(article.path("url").asText()).isEqualTo(site.baseUrl() + "/en/2020/12/iran-vows-soleimani-revenge");
    }

    @Test
    void a_draft_is_not_there_for_readers() {
        var draft = site.wiring()
                .articles()
                .service()
                .createDraft(
                        new ArticleDraft(
                                "en", null, "Unpublished plans", null, null, null, "Secret.", null, null, null),
                        Actor.TERMINAL);
        HttpResponse<String> answer = api.get("/api/v1/articles/" + draft.id());
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(answer.body()).doesNotContain("Unpublished plans");
    }

    @Test
    void sections_tags_and_authors_are_named_in_the_language_asked_for() throws Exception {
        assertThat(json(api.get("/api/v1/sections?language=so")).path("items").findValuesAsText("name"))
                .contains("Adduunka", "Ciyaaraha");
        assertThat(json(api.get("/api/v1/tags?language=en")).path("items").findValuesAsText("key"))
                .contains("iran", "football");
        assertThat(json(api.get("/api/v1/authors")).path("items").findValuesAsText("name"))
                .contains("Hodan Ali");
    }

    @Test
    void search_finds_published_articles_of_a_language() throws Exception {
        JsonNode results = json(api.get("/api/v1/search?language=en&q=derby"));
        assertThat(results.path("total").asLong()).isEqualTo(5);
        assertThat(results.path("items").get(0).path("snippet_html").asText()).contains("<mark>");
        assertThat(api.get("/api/v1/search?language=en&q=derby").headers().firstValue("Cache-Control"))
                .hasValue("no-store");
    }

    @Test
    void answers_are_kept_revalidated_and_dropped_exactly_when_a_publication_changes_them() throws Exception {
        String list = "/api/v1/articles?language=en&section=sport&limit=3";
        var articles = site.wiring().articles().service();
        long other = articles.findPublished("en", "iran-vows-soleimani-revenge")
                .orElseThrow()
                .id();
        api.get(list);
        api.get("/api/v1/articles/" + other);
        HttpResponse<String> kept = api.get(list);
        assertThat(kept.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(kept.headers().firstValue("Surrogate-Key").orElseThrow()).contains("latest-en");
        String etag = kept.headers().firstValue("ETag").orElseThrow();
        assertThat(api.get(list, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);

        var fresh = articles.createDraft(
                new ArticleDraft(
                        "en", "derby-final", "Derby final", null, null, null, "The final.", "sport", null, null),
                Actor.TERMINAL);
        articles.publish(fresh.id(), Actor.TERMINAL);

        HttpResponse<String> after = api.get(list);
        assertThat(after.headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(headlines(after)).first().isEqualTo("Derby final");
        assertThat(api.get(list, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/articles/" + other).headers().firstValue("X-Cache"))
                .as("an article the publication did not touch")
                .hasValue("HIT");
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static List<String> headlines(HttpResponse<String> response) throws IOException {
        return json(response).path("items").findValuesAsText("headline");
    }

    static byte[] jpeg() throws IOException {
        var picture = new java.awt.image.BufferedImage(1200, 800, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new ByteArrayOutputStream();
        ImageIO.write(picture, "jpeg", out);
        return out.toByteArray();
    }
}
