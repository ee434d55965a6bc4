package org.wargeys.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleDraft;
import org.wargeys.article.BodyFormat;
import org.wargeys.article.Dateline;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/**
 * Sharing over real HTTP with the demo content and an Arabic translation, on each database (see the
 * subclasses): the share bar's links, the preview tags and JSON-LD, share cards, pull quotes, and the
 * share beacon with good, bad, robotic and flooding input.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharingIT {

    static final String EN = "/en/2020/12/iran-vows-soleimani-revenge";
    static final String SO = "/so/2020/12/iran-oo-ballan-qaaday";
    static final String HEADLINE = "Iran Vows Soleimani Revenge As First Anniversary of Assassination Looms";
    static final String ARABIC_HEADLINE = "إيران تتوعد بالانتقام لسليماني مع اقتراب الذكرى الأولى لاغتياله";
    static final String BROWSER =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";
    static final ObjectMapper JSON = new ObjectMapper();

    TestSite site;
    Article arabic;

    @Parameter
    DatabaseKind database;

    DatabaseKind database() {
        return database;
    }

    @BeforeParameterizedClassInvocation
    void start() {
        site = TestSite.start(
                database(),
                true,
                Map.of(
                        "sharing.x_handle",
                        "warsoor",
                        "sharing.social_proof_threshold",
                        "3",
                        "sharing.beacon_limit_per_minute",
                        "1000"));
        Article english = site.wiring()
                .articles()
                .service()
                .findPublished("en", "iran-vows-soleimani-revenge")
                .orElseThrow();
        var draft = new ArticleDraft(
                "ar",
                "iran-tatawaad",
                ARABIC_HEADLINE,
                new Dateline("إيران", "WARSOOR"),
                null,
                BodyFormat.MARKDOWN,
                "تتوعد إيران بالانتقام.",
                "world",
                List.of("iran"),
                List.of("newsroom"));
        arabic = site.wiring()
                .articles()
                .service()
                .createTranslation(
                        english.translationGroupId(), org.wargeys.article.ArticleEdit.of(draft), Actor.TERMINAL);
        arabic = site.wiring().articles().service().publish(arabic.id(), Actor.TERMINAL);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (site != null) {
            site.deleteData();
        }
    }

    @Test
    void share_bar_offers_every_network_as_a_plain_link_with_the_canonical_url_and_headline() {
        Document page = site.html(EN);
        String canonical = page.selectFirst("link[rel=canonical]").attr("href");
        assertThat(canonical).isEqualTo(site.baseUrl() + EN);
        Element bar = page.selectFirst("aside.share-bar");
        assertThat(bar.select("a[data-network]").eachAttr("data-network"))
                .containsExactly("copy", "x", "facebook", "whatsapp", "telegram", "linkedin", "email");

        Map<String, String> x = query(link(bar, "x"), "https://x.com/intent/tweet?");
        assertThat(x)
                .containsEntry("url", canonical)
                .containsEntry("text", HEADLINE)
                .containsEntry("via", "warsoor");
        Map<String, String> facebook = query(link(bar, "facebook"), "https://www.facebook.com/sharer/sharer.php?");
        assertThat(facebook).containsEntry("u", canonical).containsEntry("quote", HEADLINE);
        assertThat(query(link(bar, "whatsapp"), "https://wa.me/?")).containsEntry("text", HEADLINE + " " + canonical);
        assertThat(query(link(bar, "telegram"), "https://t.me/share/url?"))
                .containsEntry("url", canonical)
                .containsEntry("text", HEADLINE);
        assertThat(query(link(bar, "linkedin"), "https://www.linkedin.com/shareArticle?"))
                .containsEntry("url", canonical)
                .containsEntry("title", HEADLINE);
        Map<String, String> email = query(link(bar, "email"), "mailto:?");
        assertThat(email).containsEntry("subject", HEADLINE).containsEntry("body", HEADLINE + "\n\n" + canonical);
        assertThat(link(bar, "email")).doesNotContain("+");
        assertThat(link(bar, "copy")).isEqualTo(canonical);

        assertThat(bar.selectFirst("button.share-via").text()).isEqualTo("Share via");
        assertThat(bar.selectFirst("button.share-via").hasAttr("hidden"))
                .as("hidden until the script runs")
                .isTrue();
        assertThat(bar.selectFirst("a[data-network=copy]").text()).isEqualTo("Copy link");
        assertThat(bar.attr("data-copied")).isEqualTo("Link copied");
        assertThat(bar.selectFirst("[role=status]")).isNotNull();
        assertThat(bar.select("svg")).hasSize(8);
        assertThat(page.select("script[src]").eachAttr("src"))
                .singleElement()
                .asString()
                .matches("/assets/share\\.[0-9a-f]{10}\\.js");
    }

    @Test
    void share_bar_is_labelled_in_somali_and_arabic() {
        Element somali = site.html(SO).selectFirst("aside.share-bar");
        assertThat(somali.selectFirst(".share-via").text()).isEqualTo("Ku wadaag");
        assertThat(somali.selectFirst("a[data-network=copy]").text()).isEqualTo("Koobiyee xiriirka");
        assertThat(somali.attr("data-copied")).isEqualTo("Xiriirka waa la koobiyeeyay");
        assertThat(somali.attr("aria-label")).isEqualTo("Wadaag maqaalkan");

        Element arabicBar = site.html("/ar/2026/11/iran-tatawaad").selectFirst("aside.share-bar");
        assertThat(arabicBar.selectFirst("a[data-network=copy]").text()).isEqualTo("انسخ الرابط");
        assertThat(arabicBar.attr("data-copied")).isEqualTo("تم نسخ الرابط");
    }

    @Test
    void article_page_has_every_opengraph_and_twitter_tag() {
        Document page = site.html(EN);
        String url = site.baseUrl() + EN;
        assertThat(meta(page, "og:type")).containsExactly("article");
        assertThat(meta(page, "og:site_name")).containsExactly("Warsoor");
        assertThat(meta(page, "og:title")).containsExactly(HEADLINE);
        assertThat(meta(page, "og:description"))
                .singleElement()
                .asString()
                .startsWith("Iranian leaders have maintained a drumbeat");
        assertThat(meta(page, "og:url")).containsExactly(url);
        assertThat(meta(page, "og:image"))
                .singleElement()
                .asString()
                .matches(java.util.regex.Pattern.quote(site.baseUrl()) + "/share-cards/[0-9]+-[0-9a-f]{16}\\.png");
        assertThat(meta(page, "og:image:width")).containsExactly("1200");
        assertThat(meta(page, "og:image:height")).containsExactly("630");
        assertThat(meta(page, "og:image:alt")).containsExactly(HEADLINE + " – Warsoor");
        assertThat(meta(page, "og:locale")).containsExactly("en_US");
        assertThat(meta(page, "og:locale:alternate")).containsExactly("so_SO", "ar_AR");
        assertThat(meta(page, "article:published_time")).containsExactly("2020-12-23T07:00:00Z");
        assertThat(meta(page, "article:modified_time")).containsExactly("2020-12-23T07:00:00Z");
        assertThat(meta(page, "article:section")).containsExactly("World");
        assertThat(meta(page, "article:tag")).containsExactly("Iran", "Iraq", "United States");
        assertThat(meta(page, "twitter:card")).containsExactly("summary_large_image");
        assertThat(meta(page, "twitter:site")).containsExactly("@warsoor");
        assertThat(meta(page, "twitter:title")).containsExactly(HEADLINE);
        assertThat(meta(page, "twitter:description")).isEqualTo(meta(page, "og:description"));
        assertThat(meta(page, "twitter:image")).isEqualTo(meta(page, "og:image"));
        assertThat(meta(page, "twitter:image:alt")).isEqualTo(meta(page, "og:image:alt"));

        Document arabicPage = site.html("/ar/2026/11/iran-tatawaad");
        assertThat(meta(arabicPage, "og:locale")).containsExactly("ar_AR");
        assertThat(meta(arabicPage, "og:locale:alternate")).containsExactly("en_US", "so_SO");
        assertThat(meta(arabicPage, "article:section")).containsExactly("العالم");
    }

    @Test
    void json_ld_describes_the_news_article_and_its_translations() throws IOException {
        Document page = site.html(EN);
        JsonNode json = jsonLd(page);
        String url = site.baseUrl() + EN;
        assertThat(json.path("@context").asText()).isEqualTo("https://schema.org");
        assertThat(json.path("@type").asText()).isEqualTo("NewsArticle");
        assertThat(json.path("headline").asText()).isEqualTo(HEADLINE);
        assertThat(json.path("description").asText())
                .isEqualTo(meta(page, "og:description").get(0));
        assertThat(json.path("image").get(0).path("url").asText())
                .isEqualTo(meta(page, "og:image").get(0));
        assertThat(json.path("datePublished").asText()).isEqualTo("2020-12-23T07:00:00Z");
        assertThat(json.path("dateModified").asText()).isEqualTo("2020-12-23T07:00:00Z");
        assertThat(json.path("author").get(0).path("name").asText()).isEqualTo("Warsoor Staff");
        assertThat(json.path("publisher").path("name").asText()).isEqualTo("Warsoor");
        String logo = json.path("publisher").path("logo").path("url").asText();
        assertThat(logo).startsWith(site.baseUrl() + "/share-cards/logo-");
        assertThat(json.path("inLanguage").asText()).isEqualTo("en");
        assertThat(json.path("dateline").asText()).isEqualTo("IRAN – (WARSOOR) –");
        assertThat(json.path("mainEntityOfPage").path("@id").asText()).isEqualTo(url);
        assertThat(json.path("isAccessibleForFree").asBoolean()).isTrue();
        List<String> translations = new ArrayList<>();
        json.path("workTranslation")
                .forEach(t -> translations.add(
                        t.path("inLanguage").asText() + " " + t.path("url").asText()));
        assertThat(translations)
                .containsExactly("so " + site.baseUrl() + SO, "ar " + site.baseUrl() + "/ar/2026/11/iran-tatawaad");
        assertThat(json.has("translationOfWork")).isFalse();

        JsonNode somali = jsonLd(site.html(SO));
        assertThat(somali.path("translationOfWork").path("url").asText()).isEqualTo(url);
        assertThat(somali.path("inLanguage").asText()).isEqualTo("so");

        var logoResponse = bytes(logo.substring(site.baseUrl().length()));
        assertThat(logoResponse.statusCode()).isEqualTo(200);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(logoResponse.body()));
        assertThat(image.getWidth()).isEqualTo(600);
        assertThat(image.getHeight()).isEqualTo(60);
    }

    @Test
    void json_ld_cannot_be_broken_out_of_by_a_headline() throws IOException {
        Article article = publish(
                "en", "script-headline", "Why </script><script>alert(1)</script> fails", BodyFormat.MARKDOWN, "Body.");
        String html = site.get(path(article)).body();
        String script = html.substring(html.indexOf("<script type=\"application/ld+json\">"));
        script = script.substring(0, script.indexOf("</script>") + 9);
        assertThat(script.substring(0, script.length() - 9)).doesNotContain("</");
        assertThat(jsonLd(Jsoup.parse(html)).path("headline").asText())
                .isEqualTo("Why </script><script>alert(1)</script> fails");
        assertThat(Jsoup.parse(html).select("script")).hasSize(2);
    }

    @Test
    void share_card_is_a_1200_by_630_png_cached_for_a_year_and_changes_with_the_headline() throws IOException {
        Article article = publish("en", "card-story", "A headline before the edit", BodyFormat.MARKDOWN, "Body.");
        String before = cardPath(path(article));
        HttpResponse<byte[]> first = bytes(before);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(first.body()));
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(630);
        assertThat(bytes(before).body()).isEqualTo(first.body());

        var articles = site.wiring().articles().service();
        var draft = new ArticleDraft(
                "en",
                "card-story",
                "A quite different headline after the edit",
                Dateline.NONE,
                null,
                BodyFormat.MARKDOWN,
                "Body.",
                "world",
                List.of(),
                List.of());
        articles.update(article.id(), article.revision(), draft, Actor.TERMINAL);

        String after = cardPath(path(article));
        assertThat(after).isNotEqualTo(before);
        HttpResponse<byte[]> second = bytes(after);
        assertThat(second.statusCode()).isEqualTo(200);
        BufferedImage redrawn = ImageIO.read(new ByteArrayInputStream(second.body()));
        assertThat(redrawn.getWidth()).isEqualTo(1200);
        assertThat(redrawn.getHeight()).isEqualTo(630);
        assertThat(second.body()).isNotEqualTo(first.body());
        assertThat(bytes(before).statusCode()).as("the outdated card").isEqualTo(404);

        HttpResponse<byte[]> arabicCard = bytes(cardPath("/ar/2026/11/iran-tatawaad"));
        assertThat(arabicCard.statusCode()).isEqualTo(200);
        assertThat(ImageIO.read(new ByteArrayInputStream(arabicCard.body())).getWidth())
                .isEqualTo(1200);
    }

    @Test
    void cards_of_unknown_or_unpublished_articles_and_odd_names_are_not_found() {
        Article article = publish("en", "soon-gone", "Soon unpublished", BodyFormat.MARKDOWN, "Body.");
        String card = cardPath(path(article));
        site.wiring().articles().service().unpublish(article.id(), Actor.TERMINAL);
        assertThat(bytes(card).statusCode()).isEqualTo(404);
        assertThat(bytes("/share-cards/999999-0123456789abcdef.png").statusCode())
                .isEqualTo(404);
        assertThat(bytes("/share-cards/notes.txt").statusCode()).isEqualTo(404);
        assertThat(bytes("/share-cards/logo-0123456789abcdef.png").statusCode()).isEqualTo(404);
    }

    @Test
    void a_shareable_pull_quote_gets_its_own_share_link() {
        Article article = publish(
                "en",
                "pull-quote",
                "A story with a pull quote",
                BodyFormat.MARKDOWN,
                "First paragraph.\n\n<blockquote class=\"shareable\"><p>It is the right of the people to take revenge.</p></blockquote>\n\n"
                        + "> An ordinary quote.\n");
        Document page = site.html(path(article));
        Element link = page.selectFirst("blockquote.shareable .quote-share a");
        assertThat(link.text()).isEqualTo("Share this quote");
        Map<String, String> query = query(link.attr("href"), "https://x.com/intent/tweet?");
        assertThat(query)
                .containsEntry("text", "“It is the right of the people to take revenge.”")
                .containsEntry("url", site.baseUrl() + path(article))
                .containsEntry("via", "warsoor");
        assertThat(page.select(".quote-share")).hasSize(1);
    }

    @Test
    void a_beacon_is_counted_per_network_and_day_and_totals_are_json() throws IOException {
        Article article = publish("en", "beacon-good", "Counted shares", BodyFormat.MARKDOWN, "Body.");
        String id = String.valueOf(article.id());
        assertThat(beacon("article=" + id + "&network=x&language=en").statusCode())
                .isEqualTo(204);
        assertThat(beacon("article=" + id + "&network=x&language=en").statusCode())
                .isEqualTo(204);
        HttpResponse<String> third = beacon("network=whatsapp&language=en&article=" + id);
        assertThat(third.statusCode()).isEqualTo(204);
        assertThat(third.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<String> totals = site.get("/api/v1/articles/" + id + "/shares");
        assertThat(totals.statusCode()).isEqualTo(200);
        assertThat(totals.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode json = JSON.readTree(totals.body());
        assertThat(json.path("total").asLong()).isEqualTo(3);
        assertThat(json.path("networks").path("x").asLong()).isEqualTo(2);
        assertThat(json.path("networks").path("whatsapp").asLong()).isEqualTo(1);
        assertThat(json.path("days").get(0).path("day").asText()).isEqualTo("2026-11-25");
        assertThat(json.path("days").get(0).path("shares").asLong()).isEqualTo(3);

        // Three shares reach the site's social-proof threshold of three.
        assertThat(site.html(path(article)).selectFirst(".share-total").text()).isEqualTo("Shared 3 times");
    }

    @Test
    void a_cached_page_shows_the_new_total_after_the_periodic_refresh() {
        Article article = publish("en", "beacon-refresh", "Shared again and again", BodyFormat.MARKDOWN, "Body.");
        for (int i = 0; i < 3; i++) beacon("article=" + article.id() + "&network=whatsapp&language=en");
        site.wiring().sharing().refresh().run();
        assertThat(site.html(path(article)).selectFirst(".share-total").text()).isEqualTo("Shared 3 times");

        beacon("article=" + article.id() + "&network=telegram&language=en");
        assertThat(site.get(path(article)).headers().firstValue("X-Cache"))
                .as("a share alone does not purge")
                .hasValue("HIT");
        site.wiring().sharing().refresh().run();
        assertThat(site.html(path(article)).selectFirst(".share-total").text()).isEqualTo("Shared 4 times");
    }

    @Test
    void the_bar_shows_no_total_below_the_threshold() {
        Article article = publish("en", "beacon-few", "Hardly shared", BodyFormat.MARKDOWN, "Body.");
        beacon("article=" + article.id() + "&network=email&language=en");
        assertThat(site.html(path(article)).select(".share-total")).isEmpty();
    }

    @Test
    void junk_beacons_get_400_with_a_reason_and_count_nothing() throws IOException {
        Article article = publish("en", "beacon-junk", "Junk beacons", BodyFormat.MARKDOWN, "Body.");
        long id = article.id();
        Map<String, String> junk = new java.util.LinkedHashMap<>();
        junk.put("", "needs article, network and language");
        junk.put("article=" + id + "&network=x", "needs article, network and language");
        junk.put("article=abc&network=x&language=en", "not an article id");
        junk.put("article=" + id + "&network=myspace&language=en", "Unknown network");
        junk.put("article=99999999&network=x&language=en", "no published article");
        junk.put("article=" + id + "&network=x&language=so", "not in that language");
        junk.put("article=" + id + "&network=x&language=en&network=facebook", "is a form");
        junk.put("article=%zz&network=x&language=en", "is a form");
        junk.put("garbage", "is a form");
        junk.put("article=" + id + "&network=x&language=en&pad=" + "a".repeat(600), "at most 512 bytes");
        for (var entry : junk.entrySet()) {
            HttpResponse<String> response = beacon(entry.getKey());
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("error").asText())
                    .as(entry.getKey())
                    .containsIgnoringCase(entry.getValue());
        }
        HttpResponse<String> crossSite =
                beacon("article=" + id + "&network=x&language=en", Map.of("Sec-Fetch-Site", "cross-site"));
        assertThat(crossSite.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(crossSite.body()).path("error").asText()).contains("own pages");

        site.wiring().articles().service().unpublish(id, Actor.TERMINAL);
        assertThat(beacon("article=" + id + "&network=x&language=en").statusCode())
                .isEqualTo(400);
        long stored = site.wiring()
                .platform()
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM share_counts WHERE article_id = :id")
                        .bind("id", id)
                        .mapTo(Long.class)
                        .one());
        assertThat(stored).isZero();
    }

    @Test
    void robots_beacons_are_dropped_quietly() throws IOException {
        Article article = publish("en", "beacon-bot", "Robots do not share", BodyFormat.MARKDOWN, "Body.");
        String body = "article=" + article.id() + "&network=x&language=en";
        assertThat(beacon(body, Map.of("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1)"))
                        .statusCode())
                .isEqualTo(204);
        assertThat(beacon(body, Map.of("User-Agent", "curl/8.5.0")).statusCode())
                .isEqualTo(204);
        JsonNode json = JSON.readTree(
                site.get("/api/v1/articles/" + article.id() + "/shares").body());
        assertThat(json.path("total").asLong()).isZero();
    }

    @Test
    void a_flood_from_one_address_is_refused_with_429_and_not_counted() throws IOException {
        // A site of its own, with a beacon limit small enough to reach.
        TestSite small = TestSite.start(database(), true, Map.of("sharing.beacon_limit_per_minute", "5"));
        try {
            Article article = small.wiring()
                    .articles()
                    .service()
                    .findPublished("en", "iran-vows-soleimani-revenge")
                    .orElseThrow();
            String body = "article=" + article.id() + "&network=telegram&language=en";
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) statuses.add(post(small, body, Map.of()).statusCode());
            assertThat(statuses).containsExactly(204, 204, 204, 204, 204, 429, 429, 429);
            HttpResponse<String> refused = post(small, body, Map.of());
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(JSON.readTree(refused.body()).path("error").asText()).contains("Too many");
            assertThat(JSON.readTree(small.get("/api/v1/articles/" + article.id() + "/shares")
                                    .body())
                            .path("total")
                            .asLong())
                    .isEqualTo(5);
        } finally {
            small.deleteData();
        }
    }

    @Test
    void totals_of_unknown_articles_are_404_and_junk_ids_400() {
        assertThat(site.get("/api/v1/articles/99999999/shares").statusCode()).isEqualTo(404);
        assertThat(site.get("/api/v1/articles/abc/shares").statusCode()).isEqualTo(400);
    }

    @Test
    void share_counts_keep_no_address_cookie_or_user_agent() throws Exception {
        List<String> columns = site.wiring().platform().database().jdbi().withHandle(h -> {
            try (var rs = h.getConnection().getMetaData().getColumns(null, null, "share_counts", null)) {
                List<String> names = new ArrayList<>();
                while (rs.next()) names.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                return names;
            }
        });
        assertThat(columns).containsExactlyInAnyOrder("article_id", "network", "day", "shares");
    }

    @Test
    void the_page_loads_nothing_from_another_host_and_sets_no_cookie() {
        HttpResponse<String> response = site.get(EN);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        Document page = Jsoup.parse(response.body(), site.baseUrl() + EN);
        assertThat(page.select("iframe, frame, object, embed")).isEmpty();
        List<String> loaded = new ArrayList<>();
        loaded.addAll(page.select("script[src]").eachAttr("src"));
        loaded.addAll(page.select("link[href]:not([rel=canonical]):not([rel=alternate])")
                .eachAttr("href"));
        loaded.addAll(
                page.select("img[src], source[src], video[src], audio[src]").eachAttr("src"));
        assertThat(loaded)
                .isNotEmpty()
                .allSatisfy(src -> assertThat(src).startsWith("/").doesNotStartWith("//"));
    }

    @Test
    void article_page_html_and_css_stay_under_30_kb_and_the_script_under_3_kb() {
        Document page = site.html(EN);
        int html = site.get(EN).body().getBytes(StandardCharsets.UTF_8).length;
        int css = site.get(page.selectFirst("link[rel=stylesheet]").attr("href"))
                .body()
                .getBytes(StandardCharsets.UTF_8)
                .length;
        int js = site.get(page.selectFirst("script[src]").attr("src")).body().getBytes(StandardCharsets.UTF_8).length;
        assertThat(html + css).isLessThan(30 * 1024);
        assertThat(js).isLessThan(3 * 1024);
    }

    Article publish(String language, String slug, String headline, BodyFormat format, String body) {
        var articles = site.wiring().articles().service();
        Article draft = articles.createDraft(
                new ArticleDraft(
                        language, slug, headline, Dateline.NONE, null, format, body, "world", List.of(), List.of()),
                Actor.TERMINAL);
        return articles.publish(draft.id(), Actor.TERMINAL);
    }

    String path(Article article) {
        return site.wiring()
                .articles()
                .service()
                .findPublished(article.language(), article.slug())
                .map(a -> "/" + a.language() + "/2026/11/" + a.slug())
                .orElseThrow();
    }

    String cardPath(String pagePath) {
        return meta(site.html(pagePath), "og:image")
                .get(0)
                .substring(site.baseUrl().length());
    }

    HttpResponse<String> beacon(String body) {
        return beacon(body, Map.of());
    }

    HttpResponse<String> beacon(String body, Map<String, String> headers) {
        return post(site, body, headers);
    }

    static HttpResponse<String> post(TestSite target, String body, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(
                Map.of("User-Agent", BROWSER, "Content-Type", "application/x-www-form-urlencoded;charset=UTF-8"));
        all.putAll(headers);
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + target.port() + "/api/v1/shares"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        all.forEach(request::header);
        return target.send(request.build());
    }

    HttpResponse<byte[]> bytes(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String link(Element bar, String network) {
        return bar.selectFirst("a[data-network=" + network + "]").attr("href");
    }

    static List<String> meta(Document page, String property) {
        List<String> values =
                new ArrayList<>(page.select("meta[property=" + property + "]").eachAttr("content"));
        values.addAll(page.select("meta[name=" + property + "]").eachAttr("content"));
        return values;
    }

    static JsonNode jsonLd(Document page) throws IOException {
        Element script = page.selectFirst("script[type=application/ld+json]");
        return JSON.readTree(script.data());
    }

    /** The decoded query parameters of a link, after checking how it starts. */
    static Map<String, String> query(String href, String prefix) {
        assertThat(href).startsWith(prefix);
        Map<String, String> params = new HashMap<>();
        for (String pair : href.substring(prefix.length()).split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
