package org.wargeys.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.article.ArticleDraft;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.SitemapJudge;
import org.wargeys.testsupport.TestSite;

/** Sitemaps and robots.txt, validated against the sitemaps.org and Google News schemas, on each database. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SitemapsIT extends SharedDemoSite {

    Schema urlsets;
    Schema indexes;

    @BeforeParameterizedClassInvocation
    void addContent() throws Exception {
        urlsets = SitemapJudge.urlsets();
        indexes = SitemapJudge.indexes();
        var articles = site.wiring().articles().service();
        var fresh = articles.createDraft(draft("fresh-news", "Fresh news from Kismayo"), Actor.TERMINAL);
        articles.publish(fresh.id(), Actor.TERMINAL);
        var recent = articles.createDraft(draft("recent-news", "Recent news from Garowe"), Actor.TERMINAL);
        articles.publishArchived(recent.id(), TestSite.NOW.minus(Duration.ofHours(47)), Actor.TERMINAL);
        var old = articles.createDraft(draft("older-news", "Older news from Hargeisa"), Actor.TERMINAL);
        articles.publishArchived(old.id(), TestSite.NOW.minus(Duration.ofHours(49)), Actor.TERMINAL);
        var somali = articles.createDraft(
                new ArticleDraft(
                        "so",
                        "war-cusub",
                        "War cusub oo Kismaayo ka yimid",
                        null,
                        null,
                        null,
                        "Qoraal.",
                        null,
                        null,
                        null),
                Actor.TERMINAL);
        articles.publish(somali.id(), Actor.TERMINAL);
    }

    @Test
    void robots_txt_points_at_the_sitemap_index() {
        var response = site.get("/robots.txt");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(response.body())
                .contains("User-agent: *")
                .contains("Sitemap: " + site.baseUrl() + "/sitemap.xml")
                .contains("Disallow: /en/search");
    }

    @Test
    void the_index_lists_a_sitemap_per_language_and_the_news_sitemap_and_is_valid() throws Exception {
        String xml = site.get("/sitemap.xml").body();
        indexes.newValidator().validate(new StreamSource(new StringReader(xml)));
        assertThat(xml(xml).select("sitemap > loc").eachText())
                .containsExactly(
                        site.baseUrl() + "/sitemap-en-1.xml",
                        site.baseUrl() + "/sitemap-so-1.xml",
                        site.baseUrl() + "/sitemap-news.xml");
        for (String loc : xml(xml).select("sitemap > loc").eachText()) {
            assertThat(site.get(loc.substring(site.baseUrl().length())).statusCode())
                    .as(loc)
                    .isEqualTo(200);
        }
        // Each sitemap says when its newest change was made (an article published now); Arabic, with
        // nothing published, has no sitemap.
        Document index = xml(xml);
        assertThat(index.select("sitemap:has(loc:containsOwn(en-1.xml)) > lastmod")
                        .text())
                .isEqualTo(TestSite.NOW.toString());
        assertThat(index.select("sitemap:has(loc:containsOwn(news.xml)) > lastmod")
                        .text())
                .isEqualTo(TestSite.NOW.toString());
        assertThat(index.select("sitemap:has(loc:containsOwn(so-1.xml)) > lastmod")
                        .text())
                .matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(index.select("sitemap:has(loc:containsOwn(ar-1.xml))")).isEmpty();
        assertThat(site.get("/sitemap-ar-1.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void language_sitemaps_are_valid_and_link_every_translation_with_hreflang() throws Exception {
        for (String lang : List.of("en", "so")) {
            urlsets.newValidator()
                    .validate(new StreamSource(new StringReader(
                            site.get("/sitemap-" + lang + "-1.xml").body())));
        }
        Document english = xml(site.get("/sitemap-en-1.xml").body());
        Element article = urlFor(english, site.baseUrl() + EN);
        assertThat(article.selectFirst("lastmod").text()).isEqualTo("2020-12-23T07:00:00Z");
        Map<String, String> alternates = new java.util.HashMap<>();
        article.select("xhtml|link").forEach(l -> alternates.put(l.attr("hreflang"), l.attr("href")));
        assertThat(alternates)
                .containsExactlyInAnyOrderEntriesOf(Map.of("en", site.baseUrl() + EN, "so", site.baseUrl() + SO));
        assertThat(urlFor(english, site.baseUrl() + "/en/2026/11/fresh-news").select("xhtml|link"))
                .isEmpty();
        Document somali = xml(site.get("/sitemap-so-1.xml").body());
        assertThat(somali.select("url > loc").eachText())
                .contains(site.baseUrl() + SO, site.baseUrl() + "/so/")
                .doesNotContain(site.baseUrl() + EN);
        assertThat(site.get("/sitemap-en-2.xml").statusCode()).isEqualTo(404);
        assertThat(site.get("/sitemap-xx-1.xml").statusCode()).isEqualTo(404);
        assertThat(site.get("/sitemap-nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void a_strict_crawler_keeps_every_url_of_every_sitemap_from_robots_txt_down() throws Exception {
        List<String> pages = SitemapJudge.crawl(site);
        assertThat(pages)
                .contains(site.baseUrl() + EN, site.baseUrl() + SO, site.baseUrl() + "/so/")
                .doesNotContain(site.baseUrl() + "/ar/");
    }

    @Test
    void the_old_addresses_under_sitemaps_redirect_to_the_root() {
        for (String file : List.of("en-1.xml", "news.xml")) {
            var moved = site.get("/sitemaps/" + file);
            assertThat(moved.statusCode()).as(file).isEqualTo(301);
            assertThat(moved.headers().firstValue("Location")).as(file).hasValue("/sitemap-" + file);
        }
        assertThat(site.get("/sitemaps/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void lastmod_follows_the_last_edit() {
        var articles = site.wiring().articles().service();
        var draft = articles.createDraft(draft("edited-later", "Edited later"), Actor.TERMINAL);
        articles.publishArchived(draft.id(), TestSite.NOW.minus(Duration.ofDays(10)), Actor.TERMINAL);
        articles.update(
                draft.id(),
                articles.find(draft.id()).revision(),
                draft("edited-later", "Edited later, corrected"),
                Actor.TERMINAL);
        Element url = urlFor(xml(site.get("/sitemap-en-1.xml").body()), site.baseUrl() + "/en/2026/11/edited-later");
        assertThat(url.selectFirst("lastmod").text()).isEqualTo("2026-11-25T10:00:00Z");
    }

    @Test
    void the_news_sitemap_holds_the_last_48_hours_with_publication_and_language() throws Exception {
        String xml = site.get("/sitemap-news.xml").body();
        urlsets.newValidator().validate(new StreamSource(new StringReader(xml)));
        Document news = xml(xml);
        assertThat(news.select("url > loc").eachText())
                .containsExactlyInAnyOrder(
                        site.baseUrl() + "/en/2026/11/fresh-news",
                        site.baseUrl() + "/en/2026/11/recent-news",
                        site.baseUrl() + "/so/2026/11/war-cusub");
        Element somali = urlFor(news, site.baseUrl() + "/so/2026/11/war-cusub");
        assertThat(somali.selectFirst("news|publication news|name").text()).isEqualTo("Warsoor");
        assertThat(somali.selectFirst("news|publication news|language").text()).isEqualTo("so");
        assertThat(somali.selectFirst("news|publication_date").text()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(somali.selectFirst("news|title").text()).isEqualTo("War cusub oo Kismaayo ka yimid");
    }

    @Test
    void the_schemas_reject_what_search_engines_would() {
        String badDate =
                "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>http://example.org/a</loc><lastmod>yesterday</lastmod></url></urlset>";
        String relative =
                "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>/en/a</loc></url></urlset>";
        String noLanguage =
                "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">"
                        + "<url><loc>http://example.org/a</loc><news:news><news:publication><news:name>W</news:name></news:publication>"
                        + "<news:publication_date>2026-11-25</news:publication_date><news:title>T</news:title></news:news></url></urlset>";
        for (String xml : List.of(badDate, relative, noLanguage)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> urlsets.newValidator().validate(new StreamSource(new StringReader(xml))))
                    .as(xml)
                    .isInstanceOf(org.xml.sax.SAXException.class);
        }
    }

    private static Element urlFor(Document sitemap, String loc) {
        return sitemap.select("url").stream()
                .filter(u -> u.selectFirst("loc").text().equals(loc))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No <url> for " + loc));
    }

    private static ArticleDraft draft(String slug, String headline) {
        return new ArticleDraft("en", slug, headline, null, null, null, "Body of " + headline + ".", null, null, null);
    }

    private static Document xml(String text) {
        return Jsoup.parse(text, "", Parser.xmlParser());
    }
}
