package org.wargeys.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.article.ArticleDraft;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;

/** Section, tag, author and date archives, related articles and the article's archive links, on each database. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchivePagesIT extends SharedDemoSite {

    static final int LONG_SECTION = 120;

    @BeforeParameterizedClassInvocation
    void addContent() throws Exception {
        site.wiring().search().indexer().rebuilding().get();
        var articles = site.wiring().articles().service();
        articles.defineSection("sport", Map.of("en", "Sport", "so", "Ciyaaraha"), Actor.TERMINAL);
        for (int i = 1; i <= 23; i++) {
            var draft = articles.createDraft(
                    new ArticleDraft(
                            "en",
                            "match-report-" + i,
                            "Match report " + i,
                            null,
                            null,
                            null,
                            "Mogadishu derby, round " + i + ".",
                            "sport",
                            List.of(),
                            List.of()),
                    Actor.TERMINAL);
            articles.publishArchived(
                    draft.id(), Instant.parse("2024-03-01T12:00:00Z").plusSeconds(3600L * i), Actor.TERMINAL);
        }
        // A longer list for walking by cursor: 120 articles, three by three published at the same
        // second (the id decides among them).
        articles.defineSection("business", Map.of("en", "Business"), Actor.TERMINAL);
        for (int i = 1; i <= LONG_SECTION; i++) {
            var draft = articles.createDraft(
                    new ArticleDraft(
                            "en",
                            "market-note-" + i,
                            "Market note " + i,
                            null,
                            null,
                            null,
                            "Shilling and livestock prices, note " + i + ".",
                            "business",
                            List.of(),
                            List.of()),
                    Actor.TERMINAL);
            articles.publishArchived(
                    draft.id(),
                    Instant.parse("2023-05-01T06:00:00Z").plusSeconds(600L * ((i + 2) / 3)),
                    Actor.TERMINAL);
        }
        var related = articles.createDraft(
                new ArticleDraft(
                        "en",
                        "iran-anniversary-tension",
                        "Iran marks Soleimani anniversary amid tension",
                        null,
                        null,
                        null,
                        "Iranian leaders vowed revenge for the assassination of Qassem Soleimani as the anniversary of the drone strike neared.",
                        "world",
                        List.of("iran"),
                        List.of()),
                Actor.TERMINAL);
        articles.publishArchived(related.id(), Instant.parse("2021-01-03T08:00:00Z"), Actor.TERMINAL);
    }

    @Test
    void article_links_its_section_tags_and_byline_to_their_archives() {
        Document page = site.html(EN);
        assertThat(page.selectFirst(".kicker a").attr("href")).isEqualTo("/en/section/world");
        assertThat(page.select(".byline a[rel=author]").eachAttr("href")).containsExactly("/en/author/warsoor-staff");
        assertThat(page.select(".tags a[rel=tag]").eachAttr("href"))
                .containsExactly("/en/tag/iran", "/en/tag/iraq", "/en/tag/united-states");
        Document somali = site.html(SO);
        assertThat(somali.selectFirst(".kicker a").attr("href")).isEqualTo("/so/section/adduunka");
        assertThat(somali.select(".tags a[rel=tag]").eachAttr("href")).contains("/so/tag/iiraan");
    }

    @Test
    void related_articles_are_similar_same_language_and_never_the_article_or_its_translation() {
        Document page = site.html(EN);
        List<String> related = page.select(".related a").eachAttr("href");
        assertThat(related).first().isEqualTo("/en/2021/01/iran-anniversary-tension");
        assertThat(related)
                .doesNotContain(EN, SO)
                .allSatisfy(href -> assertThat(href).startsWith("/en/"));
        assertThat(page.select(".related h2").text()).isEqualTo("Related articles");
        assertThat(site.html(SO).select(".related a").eachAttr("href")).doesNotContain(SO, EN);
    }

    @Test
    void section_archive_lists_its_articles_newest_first_with_pages() {
        Document first = site.html("/en/section/sport");
        assertThat(first.select("h1").text()).isEqualTo("Sport");
        assertThat(first.select(".teaser h2 a").eachText())
                .hasSize(ArchivePages.PAGE_SIZE)
                .startsWith("Match report 23", "Match report 22");
        assertThat(first.select(".pagination").text()).doesNotContain("Page 1");
        assertThat(first.select("a[rel=prev]")).isEmpty();
        String older = first.selectFirst("a[rel=next]").attr("href");
        assertThat(older).matches("/en/section/sport\\?before=[0-9]+-[0-9]+");
        Document second = site.html(older);
        assertThat(second.select(".teaser h2 a").eachText())
                .containsExactly("Match report 3", "Match report 2", "Match report 1");
        assertThat(second.select("a[rel=next]")).isEmpty();
        assertThat(second.select("link[rel=canonical]").attr("href")).isEqualTo(site.baseUrl() + older);
        // Back to newer articles: the first page, under its own address.
        Document back = site.html(second.selectFirst("a[rel=prev]").attr("href"));
        assertThat(back.select(".teaser h2 a").eachText())
                .isEqualTo(first.select(".teaser h2 a").eachText());
        assertThat(back.select("link[rel=canonical]").attr("href")).isEqualTo(site.baseUrl() + "/en/section/sport");
    }

    @Test
    void walking_a_long_section_by_older_links_and_back_by_newer_links_shows_each_article_once_in_order() {
        List<String> forward = new java.util.ArrayList<>();
        List<String> pages = new java.util.ArrayList<>();
        String path = "/en/section/business";
        Document page = site.html(path);
        while (true) {
            pages.add(path);
            forward.addAll(page.select(".teaser h2 a").eachText());
            var older = page.selectFirst("a[rel=next]");
            if (older == null) break;
            path = older.attr("href");
            page = site.html(path);
            assertThat(page.selectFirst("a[rel=prev]")).as(path).isNotNull();
        }
        List<String> expected = new java.util.ArrayList<>();
        for (int i = LONG_SECTION; i >= 1; i--) expected.add("Market note " + i);
        assertThat(forward).isEqualTo(expected);
        assertThat(pages).hasSize(LONG_SECTION / ArchivePages.PAGE_SIZE);

        List<String> backward = new java.util.ArrayList<>();
        while (true) {
            List<String> titles = page.select(".teaser h2 a").eachText();
            backward.addAll(0, titles);
            var newer = page.selectFirst("a[rel=prev]");
            if (newer == null) break;
            page = site.html(newer.attr("href"));
        }
        assertThat(backward).isEqualTo(expected);
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(site.baseUrl() + "/en/section/business");
    }

    @Test
    void old_page_numbers_are_redirected_to_the_page_showing_the_same_articles() {
        var second = site.get("/en/section/business?page=2");
        assertThat(second.statusCode()).isEqualTo(301);
        String target = second.headers().firstValue("Location").orElseThrow();
        assertThat(target).startsWith("/en/section/business?before=");
        assertThat(site.html(target).select(".teaser h2 a").eachText())
                .first()
                .isEqualTo("Market note " + (LONG_SECTION - ArchivePages.PAGE_SIZE));
        var firstPage = site.get("/en/section/business?page=1");
        assertThat(firstPage.statusCode()).isEqualTo(301);
        assertThat(firstPage.headers().firstValue("Location")).hasValue("/en/section/business");
        assertThat(site.get("/en/section/business?page=7").statusCode()).isEqualTo(404);
        var deep = site.get("/en/section/business?page=" + (ArchivePages.OLD_PAGES_FOLLOWED + 1));
        assertThat(deep.statusCode()).isEqualTo(301);
        assertThat(deep.headers().firstValue("Location")).hasValue("/en/section/business");
        assertThat(site.get("/en/section/sport?page=x").statusCode()).isEqualTo(400);
    }

    @Test
    void malformed_cursors_are_a_400_page_in_the_language_of_the_url_and_a_cursor_past_the_end_a_404() {
        for (String query : new String[] {
            "?before=abc", "?after=12", "?before=1-0", "?before=1-1&after=1-1", "?before=", "?before=1-1&page=2"
        }) {
            var response = site.get("/so/section/adduunka" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            Document page = Jsoup.parse(response.body());
            assertThat(page.selectFirst("html").attr("lang")).as(query).isEqualTo("so");
            assertThat(page.text()).as(query).contains("Cinwaanka boggan kaydka ah ma saxna");
        }
        assertThat(site.get("/en/section/sport?before=1-1").statusCode()).isEqualTo(404);
        assertThat(site.get("/en/section/sport?after=99999999999999-1").statusCode())
                .isEqualTo(404);
    }

    @Test
    void archives_carry_hreflang_alternates_where_a_counterpart_lists_something() {
        Map<String, String> world = alternates(site.html("/en/section/world"));
        // The section has an Arabic name, but nothing published in Arabic: no alternate points there.
        assertThat(world)
                .containsEntry("en", site.baseUrl() + "/en/section/world")
                .containsEntry("so", site.baseUrl() + "/so/section/adduunka")
                .doesNotContainKey("ar");
        var arabic = site.html("/ar/section/" + org.wargeys.article.Slug.of("العالم", 8));
        assertThat(arabic.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(alternates(arabic)).isEmpty();
        assertThat(arabic.select("link[rel=canonical]").attr("href"))
                .isEqualTo(site.baseUrl() + "/ar/section/" + org.wargeys.article.Slug.of("العالم", 8));
        // Sport is named in Somali but has only English articles.
        Map<String, String> sport = alternates(site.html("/en/section/sport"));
        assertThat(sport).containsOnlyKeys("en", "x-default");
        Map<String, String> december = alternates(site.html("/en/archive/2020/12"));
        assertThat(december).containsOnlyKeys("en", "so", "x-default");
        assertThat(alternates(site.html("/en/archive/2024"))).containsOnlyKeys("en", "x-default");
    }

    @Test
    void tag_author_and_date_archives_list_the_right_articles() {
        assertThat(hrefs("/en/tag/iran")).containsExactly("/en/2021/01/iran-anniversary-tension", EN);
        assertThat(site.html("/en/tag/iran").select("h1").text()).isEqualTo("Topic: Iran");
        assertThat(hrefs("/so/tag/iiraan")).containsExactly(SO);
        assertThat(hrefs("/en/author/warsoor-staff")).containsExactly(EN);
        assertThat(site.html("/so/author/tifaftirka-warsoor").select("h1").text())
                .isEqualTo("Maqaallada uu qoray Tifaftirka Warsoor");
        assertThat(hrefs("/en/archive/2020/12")).containsExactly(EN);
        assertThat(hrefs("/en/archive/2021")).containsExactly("/en/2021/01/iran-anniversary-tension");
        assertThat(site.html("/en/archive/2020/12").select("h1").text()).isEqualTo("Articles from December 2020");
        assertThat(site.html("/en/archive/2019").select(".empty").text())
                .isEqualTo("There are no articles here in this language yet.");
        assertThat(site.html("/en/archive/2019").select("meta[name=robots]").attr("content"))
                .isEqualTo("noindex");
        assertThat(site.html("/en/archive/2020/12").select("meta[name=robots]")).isEmpty();
    }

    @Test
    void unknown_archives_are_404s_in_the_language_of_the_url() {
        for (String path : new String[] {
            "/so/section/nothing",
            "/so/tag/nothing",
            "/so/author/nobody",
            "/so/archive/20x0",
            "/so/archive/2020/13",
            "/so/archive/2020/1",
            "/so/archive/2019/12"
        }) {
            var response = site.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(Jsoup.parse(response.body()).selectFirst("html").attr("lang"))
                    .as(path)
                    .isEqualTo("so");
        }
        assertThat(site.get("/xx/section/world").statusCode()).isEqualTo(404);
    }

    @Test
    void archive_pages_answer_and_advertise_their_feeds() {
        for (String path : new String[] {
            "/en/section/world",
            "/so/tag/iiraan",
            "/ar/section/" + org.wargeys.article.Slug.of("العالم", 8),
            "/en/author/warsoor-staff",
            "/en/archive/2020/12",
            "/en/archive/2020",
            "/en/section/sport?before=" + Instant.parse("2024-03-01T15:00:00Z").toEpochMilli() + "-1"
        }) {
            var response = site.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        }
        Document page = site.html("/en/section/world");
        assertThat(page.select("link[rel=alternate][type=application/rss+xml]").eachAttr("href"))
                .containsExactly("/en/rss.xml", "/en/section/world/rss.xml");
        assertThat(page.select("link[rel=alternate][type=application/atom+xml]").eachAttr("href"))
                .containsExactly("/en/atom.xml", "/en/section/world/atom.xml");
    }

    private List<String> hrefs(String path) {
        return site.html(path).select(".teaser h2 a").eachAttr("href");
    }

    private static Map<String, String> alternates(Document page) {
        Map<String, String> alternates = new HashMap<>();
        page.select("link[rel=alternate][hreflang]").forEach(l -> alternates.put(l.attr("hreflang"), l.attr("href")));
        return alternates;
    }
}
