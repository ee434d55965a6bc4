package org.wargeys.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/**
 * The public site's HTTP plumbing, on one SQLite demo site: redirects by language, security and cache
 * headers, bad paths, static assets, page weight and HEAD. None of it reads the database in a way
 * PostgreSQL could change, so it runs once; what the pages show is {@link PublicSiteIT}, on both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicSiteHttpIT {

    static final String EN = SharedDemoSite.EN;
    static final String SO = SharedDemoSite.SO;

    TestSite site;

    @BeforeAll
    void startSite() {
        site = TestSite.start(DatabaseKind.SQLITE);
    }

    @AfterAll
    void deleteSite() {
        if (site != null) site.deleteData();
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
