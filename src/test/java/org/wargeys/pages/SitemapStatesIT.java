package org.wargeys.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.SitemapJudge;
import org.wargeys.testsupport.TestSite;

/**
 * Every sitemap is valid in every state of the site, as a strict crawler reads it: with nothing
 * published in the last 48 hours and a language with nothing at all (the demo site), and with nothing
 * published anywhere. Each state is a site of its own; the markup does not depend on the database.
 */
class SitemapStatesIT {

    @Test
    void with_nothing_in_the_last_48_hours_the_news_sitemap_lists_the_newest_article_without_news_metadata()
            throws Exception {
        TestSite site = TestSite.start(DatabaseKind.SQLITE);
        try {
            List<String> pages = SitemapJudge.crawl(site);
            assertThat(pages).contains(site.baseUrl() + "/en/", site.baseUrl() + "/so/");
            assertThat(pages).as("Arabic has nothing published").noneMatch(u -> u.contains("/ar/"));
            var news = Jsoup.parse(site.get("/sitemap-news.xml").body(), "", Parser.xmlParser());
            assertThat(news.select("url")).hasSize(1);
            assertThat(news.select("url > loc").text()).isEqualTo(site.baseUrl() + "/so/2020/12/iran-oo-ballan-qaaday");
            assertThat(news.getElementsByTag("news:news")).isEmpty();
            assertThat(site.get("/sitemap-ar-1.xml").statusCode()).isEqualTo(404);
            // The Arabic home page is not offered as an alternate of the others.
            var english = Jsoup.parse(site.get("/sitemap-en-1.xml").body(), "", Parser.xmlParser());
            var home = english.select("url").stream()
                    .filter(u -> u.selectFirst("loc").text().equals(site.baseUrl() + "/en/"))
                    .findFirst()
                    .orElseThrow();
            assertThat(home.getElementsByTag("xhtml:link").eachAttr("hreflang")).containsExactly("en", "so");
        } finally {
            site.deleteData();
        }
    }

    @Test
    void with_nothing_published_there_is_no_sitemap_and_robots_txt_names_none_until_the_first_article()
            throws Exception {
        TestSite site = TestSite.start(DatabaseKind.SQLITE, false);
        try {
            assertThat(site.get("/robots.txt").body()).doesNotContain("Sitemap:");
            assertThat(SitemapJudge.crawl(site)).isEmpty();
            for (String path : List.of("/sitemap.xml", "/sitemap-news.xml", "/sitemap-en-1.xml"))
                assertThat(site.get(path).statusCode()).as(path).isEqualTo(404);

            var articles = site.wiring().articles().service();
            var first = articles.createDraft(
                    new org.wargeys.article.ArticleDraft(
                            "ar", "awwal", "الخبر الأول", null, null, null, "نص.", null, null, null),
                    Actor.TERMINAL);
            articles.publish(first.id(), Actor.TERMINAL);
            assertThat(SitemapJudge.crawl(site))
                    .containsExactlyInAnyOrder(
                            site.baseUrl() + "/ar/",
                            site.baseUrl() + "/ar/2026/11/awwal",
                            site.baseUrl() + "/ar/2026/11/awwal");
        } finally {
            site.deleteData();
        }
    }
}
