package org.wargeys.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;

/**
 * What the public site shows over real HTTP with the demo content, on each database. The HTTP
 * plumbing that no database can change (redirects by language, headers, bad paths, assets, HEAD) is
 * checked once, in {@link PublicSiteHttpIT}.
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
}
