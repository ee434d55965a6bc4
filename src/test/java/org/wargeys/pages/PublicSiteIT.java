package org.wargeys.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/**
 * The public site over real HTTP with the demo content, on each database (see the subclasses).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicSiteIT extends SharedDemoSite {

    @Test
    void english_article_shows_headline_dateline_byline_and_body() {
        Document page = site.html(EN);
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("ltr");
        assertThat(page.select("h1").text())
                .isEqualTo("Iran Vows Soleimani Revenge As First Anniversary of Assassination Looms");
        Element firstParagraph = page.selectFirst(".article-body p");
        assertThat(firstParagraph.selectFirst(".dateline").text()).isEqualTo("IRAN – (WARSOOR) –");
        assertThat(firstParagraph.text()).startsWith("IRAN – (WARSOOR) – Iranian leaders have maintained a drumbeat");
        assertThat(page.select(".article-body p")).hasSize(16);
        assertThat(page.select(".article-body").text())
                .contains("“It is the right of the people to take revenge,” he added.")
                .contains("“They aren’t going to give up,” the official said")
                .doesNotContain("Share via", "Copy link", "Powered by", "also available in");
        assertThat(page.select(".byline").text()).isEqualTo("By Warsoor Staff");
        assertThat(page.select(".published time").attr("datetime")).isEqualTo("2020-12-23T07:00:00Z");
        assertThat(page.select(".published").text()).isEqualTo("Published December 23, 2020");
        assertThat(page.select(".kicker").text()).isEqualTo("World");
    }

    @Test
    void english_article_links_its_somali_translation() {
        Document page = site.html(EN);
        Element notice = page.selectFirst(".translation-notice p");
        assertThat(notice.text()).isEqualTo("This post is also available in: Somali");
        Element link = notice.selectFirst("a");
        assertThat(link.attr("href")).isEqualTo(SO);
        assertThat(link.attr("hreflang")).isEqualTo("so");
    }

    @Test
    void somali_article_is_in_somali_and_links_back_to_english() {
        Document page = site.html(SO);
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("so");
        assertThat(page.select("h1").text()).startsWith("Iran oo ballan-qaaday inay u aarsan doonto Soleimani");
        assertThat(page.selectFirst(".article-body .dateline").text()).isEqualTo("IRAN – (WARSOOR) –");
        Element notice = page.selectFirst(".translation-notice p");
        assertThat(notice.text()).isEqualTo("Qoraalkan waxaa sidoo kale lagu heli karaa: Ingiriisi");
        assertThat(notice.selectFirst("a").attr("href")).isEqualTo(EN);
        assertThat(page.select(".published").text()).startsWith("La daabacay");
        assertThat(page.select(".kicker").text()).isEqualTo("Adduunka");
    }

    @Test
    void article_pages_carry_canonical_and_hreflang_for_every_translation() {
        for (String path : new String[] {EN, SO}) {
            Document page = site.html(path);
            assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(site.baseUrl() + path);
            Map<String, String> alternates = new java.util.HashMap<>();
            page.select("link[rel=alternate][hreflang]")
                    .forEach(l -> alternates.put(l.attr("hreflang"), l.attr("href")));
            assertThat(alternates)
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "en", site.baseUrl() + EN,
                            "so", site.baseUrl() + SO,
                            "x-default", site.baseUrl() + EN));
        }
    }

    @Test
    void home_page_lists_the_latest_articles_of_its_language() {
        Document english = site.html("/en/");
        assertThat(english.select(".teaser h2 a").eachAttr("href")).containsExactly(EN);
        assertThat(english.select(".teaser time").text()).isEqualTo("December 23, 2020");
        assertThat(english.select(".teaser .summary").text()).startsWith("Iranian leaders have maintained");

        Document somali = site.html("/so/");
        assertThat(somali.select("h1").text()).isEqualTo("Wararkii ugu dambeeyay");
        assertThat(somali.select(".teaser h2 a").eachAttr("href")).containsExactly(SO);
    }

    @Test
    void arabic_home_page_is_right_to_left() {
        Document arabic = site.html("/ar/");
        assertThat(arabic.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(arabic.selectFirst("html").attr("lang")).isEqualTo("ar");
        assertThat(arabic.select("h1").text()).isEqualTo("آخر الأخبار");
        assertThat(arabic.select(".empty").text()).isEqualTo("لم يُنشر شيء بهذه اللغة بعد.");
    }

    @Test
    void root_redirects_to_the_readers_language() {
        HttpResponse<String> plain = site.get("/");
        assertThat(plain.statusCode()).isEqualTo(302);
        assertThat(plain.headers().firstValue("Location")).hasValue("/en/");

        HttpResponse<String> somali = site.get("/", Map.of("Accept-Language", "so-SO,so;q=0.9,en;q=0.5"));
        assertThat(somali.headers().firstValue("Location")).hasValue("/so/");

        HttpResponse<String> arabic = site.get("/", Map.of("Accept-Language", "fr-FR, ar;q=0.8, en;q=0.3"));
        assertThat(arabic.headers().firstValue("Location")).hasValue("/ar/");

        HttpResponse<String> unknown = site.get("/", Map.of("Accept-Language", "de-DE,fr;q=0.5"));
        assertThat(unknown.headers().firstValue("Location")).hasValue("/en/");
    }

    @Test
    void language_without_trailing_slash_redirects_permanently() {
        HttpResponse<String> response = site.get("/so");
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue("/so/");
    }

    @Test
    void wrong_year_or_month_redirects_to_the_article() {
        HttpResponse<String> response = site.get("/en/2021/01/iran-vows-soleimani-revenge");
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue(EN);
    }

    @Test
    void unknown_slug_is_a_404_in_the_language_of_the_url() {
        HttpResponse<String> somali = site.get("/so/2020/12/no-such-article");
        assertThat(somali.statusCode()).isEqualTo(404);
        Document page = org.jsoup.Jsoup.parse(somali.body());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("so");
        assertThat(page.select("h1").text()).isEqualTo("Bogga lama helin");

        HttpResponse<String> arabic = site.get("/ar/2020/12/no-such-article");
        assertThat(arabic.statusCode()).isEqualTo(404);
        assertThat(org.jsoup.Jsoup.parse(arabic.body()).selectFirst("html").attr("dir"))
                .isEqualTo("rtl");
    }

    @Test
    void unknown_language_prefix_is_a_404_in_the_readers_language() {
        HttpResponse<String> response = site.get("/xx/", Map.of("Accept-Language", "so"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(org.jsoup.Jsoup.parse(response.body()).select("h1").text()).isEqualTo("Bogga lama helin");
        assertThat(site.get("/fr/2020/12/iran-vows-soleimani-revenge").statusCode())
                .isEqualTo(404);
        assertThat(site.get("/en/abcd/12/iran-vows-soleimani-revenge").statusCode())
                .isEqualTo(404);
    }

    @Test
    void drafts_are_not_visible_to_readers() {
        var articles = site.wiring().articles().service();
        var draft = articles.createDraft(
                new org.wargeys.article.ArticleDraft(
                        "en", "unpublished-scoop", "Unpublished scoop", null, null, null, "Not yet.", null, null, null),
                Actor.TERMINAL);
        assertThat(site.get("/en/2026/11/unpublished-scoop").statusCode()).isEqualTo(404);
        assertThat(site.html("/en/").select(".teaser h2 a").eachAttr("href"))
                .doesNotContain("/en/2026/11/unpublished-scoop");
        articles.publish(draft.id(), Actor.TERMINAL);
        assertThat(site.get("/en/2026/11/unpublished-scoop").statusCode()).isEqualTo(200);
        articles.unpublish(draft.id(), Actor.TERMINAL);
        assertThat(site.get("/en/2026/11/unpublished-scoop").statusCode()).isEqualTo(404);
    }

    @Test
    void healthz_reports_the_database() {
        HttpResponse<String> response = site.get("/healthz");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.body()).contains("\"status\":\"ok\"").contains("\"up\":true");
    }

    @Test
    void every_response_carries_the_security_headers_and_no_cookie() {
        for (String path : new String[] {"/", "/en/", EN, SO, "/xx/", "/healthz", "/en/%zz"}) {
            var response = path.contains("%zz") ? null : site.get(path);
            if (response == null) continue;
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as(path)
                    .isPresent();
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(csp ->
                            assertThat(csp).contains("default-src 'self'").doesNotContain("http"));
            assertThat(response.headers().firstValue("Set-Cookie")).as(path).isEmpty();
        }
    }

    @Test
    void bad_paths_get_a_400_never_a_500() {
        assertThat(site.raw("/en/%zz").status()).isEqualTo(400);
        assertThat(site.raw("/en/%c3%28").status()).isEqualTo(400);
        assertThat(site.raw("/en/2020/12/%2e%2e%2f%2e%2e%2fetc%2fpasswd").status())
                .isEqualTo(400);
        assertThat(site.raw("/assets/../../etc/passwd").status()).isEqualTo(400);
        assertThat(site.raw("/assets/%2e%2e/%2e%2e/etc/passwd").status()).isEqualTo(400);
        TestSite.RawResponse longPath = site.raw("/en/" + "a".repeat(5000));
        assertThat(longPath.status()).isEqualTo(400);
        assertThat(longPath.text()).doesNotContain("Exception").doesNotContain("at org.");
        TestSite.RawResponse jettyLevel = site.raw("/en/%zz");
        assertThat(jettyLevel.text())
                .contains("X-Content-Type-Options: nosniff")
                .contains("Content-Security-Policy:")
                .doesNotContain("Exception")
                .doesNotContain("at org.");
        assertThat(site.raw("/assets/..%5c..%5cetc%5cpasswd").status()).isEqualTo(400);
    }

    @Test
    void static_assets_are_fingerprinted_and_cached_forever() {
        Document page = site.html(EN);
        String css = page.selectFirst("link[rel=stylesheet]").attr("href");
        assertThat(css).matches("/assets/site\\.[0-9a-f]{10}\\.css");
        HttpResponse<String> response = site.get(css);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/css"));
        assertThat(site.get("/assets/site.css").statusCode()).isEqualTo(404);
    }

    @Test
    void article_page_is_small_and_loads_nothing_from_other_hosts() {
        HttpResponse<String> page = site.get(EN);
        Document document = org.jsoup.Jsoup.parse(page.body());
        String css = site.get(document.selectFirst("link[rel=stylesheet]").attr("href"))
                .body();
        int bytes = page.body().getBytes(StandardCharsets.UTF_8).length + css.getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).as("article HTML + CSS bytes").isLessThan(30 * 1024);
        assertThat(document.select("script[src], link[href], img[src], iframe").eachAttr("abs:src"))
                .allSatisfy(src -> assertThat(src).doesNotStartWith("http"));
        assertThat(document.select("link[href]").eachAttr("href"))
                .allSatisfy(href -> assertThat(href)
                        .satisfiesAnyOf(
                                h -> assertThat(h).startsWith("/"),
                                h -> assertThat(h).startsWith(site.baseUrl())));
    }

    @Test
    void head_requests_are_answered_without_a_body() {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + site.port() + EN))
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = site.send(request);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                .isEqualToIgnoringCase("text/html;charset=utf-8");
    }
}
