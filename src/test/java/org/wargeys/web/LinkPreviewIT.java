package org.wargeys.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wargeys.testsupport.SitemapJudge;

/**
 * The link-preview judge: every article a crawler finds (through robots.txt and the sitemaps) tells a
 * link-preview fetcher (Facebook, X, WhatsApp, Telegram, LinkedIn) what to show: og:title, og:type,
 * og:url, og:description, og:image with its type and size, twitter:card, and the same in JSON-LD with
 * schema.org's types; the image answers 200 with a Content-Length and is exactly the size it is declared
 * to be. On the {@link EveryPageType} site: articles in three languages, with a featured photo and with
 * generated share cards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkPreviewIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    EveryPageType pages;
    List<String> articles;

    @BeforeAll
    void start() throws Exception {
        pages = EveryPageType.shared();
        articles = SitemapJudge.crawl(pages.site).stream()
                .filter(u -> u.matches(".*/[a-z]{2}/\\d{4}/\\d{2}/[^/]+"))
                .toList();
    }

    @Test
    void every_article_found_by_a_crawler_has_a_complete_preview_whose_image_is_as_declared() throws Exception {
        assertThat(articles)
                .as("articles in every language, one with a featured photo")
                .anyMatch(u -> u.contains("/en/"))
                .anyMatch(u -> u.contains("/so/"))
                .anyMatch(u -> u.contains("/ar/"))
                .anyMatch(u -> u.endsWith(pages.made.get("{published-path}")));
        for (String url : articles) judge(url);
    }

    @Test
    void the_judge_refuses_a_preview_whose_image_is_not_its_declared_size() {
        String url = pages.site.baseUrl() + HtmlValidityIT.EN;
        Document page = Jsoup.parse(pages.site.get(HtmlValidityIT.EN).body(), url);
        page.selectFirst("meta[property=og:image:width]").attr("content", "600");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> judge(url, page))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("og:image:width");
    }

    private void judge(String url) throws Exception {
        HttpResponse<String> response =
                pages.site.get(url.substring(pages.site.baseUrl().length()));
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        judge(url, Jsoup.parse(response.body(), url));
    }

    private void judge(String url, Document page) throws Exception {
        assertThat(meta(page, "og:type")).as(url + " og:type").isEqualTo("article");
        assertThat(meta(page, "og:title")).as(url + " og:title").isNotBlank();
        assertThat(meta(page, "og:description")).as(url + " og:description").isNotBlank();
        assertThat(meta(page, "og:url")).as(url + " og:url").isEqualTo(url);
        assertThat(page.select("link[rel=canonical]").attr("href"))
                .as(url + " canonical")
                .isEqualTo(url);
        assertThat(twitter(page, "twitter:card")).as(url + " twitter:card").isEqualTo("summary_large_image");
        assertThat(twitter(page, "twitter:site")).as(url + " twitter:site").isEqualTo("@warsoor");

        String image = meta(page, "og:image");
        assertThat(image).as(url + " og:image").startsWith(pages.site.baseUrl() + "/");
        int width = Integer.parseInt(meta(page, "og:image:width"));
        int height = Integer.parseInt(meta(page, "og:image:height"));
        HttpResponse<byte[]> fetched = http.send(
                HttpRequest.newBuilder(URI.create(image.replace("localhost", "127.0.0.1")))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fetched.statusCode()).as(image).isEqualTo(200);
        assertThat(fetched.headers().firstValue("Content-Type")).as(image).hasValue(meta(page, "og:image:type"));
        assertThat(fetched.headers().firstValueAsLong("Content-Length"))
                .as(image + " Content-Length")
                .hasValue(fetched.body().length);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(fetched.body()));
        assertThat(decoded).as(image + " decodes").isNotNull();
        assertThat(decoded.getWidth()).as(url + ": og:image:width of " + image).isEqualTo(width);
        assertThat(decoded.getHeight())
                .as(url + ": og:image:height of " + image)
                .isEqualTo(height);
        assertThat(width).as(url + ": wide enough for a large card").isGreaterThanOrEqualTo(600);

        JsonNode json = JSON.readTree(
                page.selectFirst("script[type=application/ld+json]").data());
        JsonNode declared = json.path("image").path(0);
        assertThat(declared.path("url").asText()).as(url + " JSON-LD image").isEqualTo(image);
        for (String side : List.of("width", "height")) {
            JsonNode size = declared.path(side);
            assertThat(size.path("@type").asText())
                    .as(url + " JSON-LD image " + side)
                    .isEqualTo("QuantitativeValue");
            assertThat(size.path("unitCode").asText())
                    .as(url + " JSON-LD image " + side)
                    .isEqualTo("E37");
            assertThat(size.path("value").asInt())
                    .as(url + " JSON-LD image " + side)
                    .isEqualTo(side.equals("width") ? width : height);
        }
    }

    private static String meta(Document page, String property) {
        var element = page.selectFirst("meta[property=" + property + "]");
        assertThat(element).as(property).isNotNull();
        return element.attr("content");
    }

    private static String twitter(Document page, String name) {
        var element = page.selectFirst("meta[name=" + name + "]");
        assertThat(element).as(name).isNotNull();
        return element.attr("content");
    }
}
