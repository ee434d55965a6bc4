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
        assertThat(first.select(".pagination").text()).contains("Page 1 of 2");
        assertThat(first.selectFirst("a[rel=next]").attr("href")).isEqualTo("/en/section/sport?page=2");
        Document second = site.html("/en/section/sport?page=2");
        assertThat(second.select(".teaser h2 a").eachText())
                .containsExactly("Match report 3", "Match report 2", "Match report 1");
        assertThat(second.selectFirst("a[rel=prev]").attr("href")).isEqualTo("/en/section/sport");
        assertThat(site.get("/en/section/sport?page=3").statusCode()).isEqualTo(404);
        assertThat(site.get("/en/section/sport?page=x").statusCode()).isEqualTo(400);
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
            "/en/section/sport?page=2"
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
