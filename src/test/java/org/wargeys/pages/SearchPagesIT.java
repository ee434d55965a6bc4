package org.wargeys.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
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

/** The search page over real HTTP, on each database (see the subclasses). */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPagesIT extends SharedDemoSite {

    @BeforeParameterizedClassInvocation
    void addContent() throws Exception {
        site.wiring().search().indexer().rebuilding().get();
    }

    @Test
    void every_page_has_a_search_form_in_its_language() {
        Document somali = site.html("/so/");
        var form = somali.selectFirst("header form[role=search]");
        assertThat(form.attr("action")).isEqualTo("/so/search");
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.select("label").text()).isEqualTo("Ka raadi wararka");
        assertThat(form.select("button").text()).isEqualTo("Raadi");
        assertThat(site.html(EN).selectFirst("header form[role=search]").attr("action"))
                .isEqualTo("/en/search");
    }

    @Test
    void english_search_finds_the_article_with_the_words_highlighted() {
        Document page = site.html("/en/search?q=revenge");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.select(".search-results h2 a").eachAttr("href")).containsExactly(EN);
        assertThat(page.select(".search-results .snippet mark").eachText())
                .isNotEmpty()
                .allSatisfy(word -> assertThat(word.toLowerCase()).isEqualTo("revenge"));
        assertThat(page.select(".search-summary").text()).isEqualTo("One article was found for “revenge”.");
        assertThat(page.select(".search-results time").text()).isEqualTo("December 23, 2020");
        assertThat(page.select("#search-q").attr("value")).isEqualTo("revenge");
    }

    @Test
    void somali_search_matches_other_forms_of_the_word_and_speaks_somali() {
        Document page = site.html("/so/search?q=" + enc("hoggaamiyaha"));
        assertThat(page.select(".search-results h2 a").eachAttr("href")).containsExactly(SO);
        assertThat(page.select(".search-summary").text()).isEqualTo("Hal maqaal ayaa laga helay “hoggaamiyaha”.");
        assertThat(page.select(".search-results mark").eachText()).contains("Hoggaamiyaha", "hoggaamiyeyaasha");
    }

    @Test
    void arabic_search_page_is_right_to_left_and_says_nothing_was_found() {
        Document page = site.html("/ar/search?q=" + enc("إيران"));
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(page.select(".search-summary").text()).isEqualTo("لم يُعثر على شيء لـ «إيران».");
    }

    @Test
    void a_small_typo_still_finds_the_article() {
        assertThat(site.html("/en/search?q=Soleimanni")
                        .select(".search-results h2 a")
                        .eachAttr("href"))
                .containsExactly(EN);
        assertThat(site.html("/en/search?q=asassination")
                        .select(".search-results h2 a")
                        .eachAttr("href"))
                .containsExactly(EN);
    }

    @Test
    void filters_by_section_and_date_range() {
        assertThat(hrefs("/en/search?q=Iran&section=world")).containsExactly(EN);
        assertThat(hrefs("/en/search?q=Iran&section=sport")).isEmpty();
        assertThat(hrefs("/en/search?q=Iran&from=2020-12-23&to=2020-12-23")).containsExactly(EN);
        assertThat(hrefs("/en/search?q=Iran&from=2020-12-24")).isEmpty();
        assertThat(hrefs("/en/search?q=Iran&to=2020-12-22")).isEmpty();
        Document page = site.html("/en/search?q=Iran&section=world");
        assertThat(page.select("#search-section option[selected]").attr("value"))
                .isEqualTo("world");
        assertThat(page.select("#search-section option").eachText()).containsExactly("All sections", "World");
    }

    @Test
    void results_are_paginated_and_newer_articles_rank_first_at_equal_relevance() {
        var articles = site.wiring().articles().service();
        for (int i = 1; i <= 12; i++) {
            var draft = articles.createDraft(
                    new ArticleDraft(
                            "en",
                            null,
                            "Flood warning number " + i,
                            null,
                            null,
                            null,
                            "Rivers rose along the Shabelle.",
                            null,
                            null,
                            null),
                    Actor.TERMINAL);
            articles.publishArchived(
                    draft.id(), Instant.parse("2025-01-01T00:00:00Z").plusSeconds(86_400L * 10 * i), Actor.TERMINAL);
        }
        Document first = site.html("/en/search?q=flood+shabelle");
        assertThat(first.select(".search-summary").text()).isEqualTo("12 articles were found for “flood shabelle”.");
        List<String> headlines = first.select(".search-results h2 a").eachText();
        assertThat(headlines).hasSize(10).startsWith("Flood warning number 12", "Flood warning number 11");
        assertThat(first.select(".pagination a[rel=prev]")).isEmpty();
        assertThat(first.select(".pagination").text()).contains("Page 1 of 2");
        String next = first.selectFirst(".pagination a[rel=next]").attr("href");
        assertThat(next).isEqualTo("/en/search?q=flood+shabelle&page=2");

        Document second = site.html(next);
        assertThat(second.select(".search-results h2 a").eachText())
                .containsExactly("Flood warning number 2", "Flood warning number 1");
        assertThat(second.selectFirst(".pagination a[rel=prev]").attr("href")).isEqualTo("/en/search?q=flood+shabelle");
        assertThat(second.select(".pagination a[rel=next]")).isEmpty();
    }

    @Test
    void an_empty_search_shows_the_form_and_a_prompt() {
        Document page = site.html("/en/search");
        assertThat(page.select(".empty").text()).isEqualTo("Type a few words to search the news.");
        assertThat(page.select(".search-results")).isEmpty();
        assertThat(site.html("/en/search?q=+++").select(".empty")).hasSize(1);
    }

    @Test
    void lucene_syntax_and_markup_are_just_words() {
        for (String junk : new String[] {
            "\"unbalanced (AND OR [",
            "*",
            "title:foo~~^2",
            "?",
            "\\",
            "-",
            "AND",
            "{!}",
            "<script>alert(1)</script>",
            "🙂"
        }) {
            var response = site.get("/en/search?q=" + enc(junk));
            assertThat(response.statusCode()).as(junk).isEqualTo(200);
            assertThat(response.body()).as(junk).doesNotContain("<script>alert(1)</script>");
        }
        Document page = site.html("/en/search?q=" + enc("<b>Iran</b>"));
        assertThat(page.select(".search-summary b")).isEmpty();
        assertThat(page.select(".search-summary").text()).contains("<b>Iran</b>");
    }

    @Test
    void junk_input_gets_a_clear_400_never_a_500() {
        var tooLong = site.get("/en/search?q=" + "a".repeat(SearchForm.MAX_QUERY + 1));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(tooLong.body()).select(".error-reason").text())
                .isEqualTo("A search has at most 500 characters.");
        assertThat(site.raw("/en/search?q=%c3%28").status()).isEqualTo(400);
        assertThat(site.raw("/en/search?q=%ff%fe").status()).isEqualTo(400);
        assertThat(site.raw("/en/search?q=%zz").status()).isEqualTo(400);
        assertThat(site.get("/en/search?q=iran&page=abc").statusCode()).isEqualTo(400);
        assertThat(site.get("/en/search?q=iran&page=0").statusCode()).isEqualTo(400);
        assertThat(site.get("/en/search?q=iran&page=100000").statusCode()).isEqualTo(400);
        assertThat(site.get("/en/search?q=iran&from=2020-13-45").statusCode()).isEqualTo(400);
        assertThat(site.get("/en/search?q=iran&section=" + enc("'; DROP TABLE articles;--"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(site.get("/xx/search?q=iran").statusCode()).isEqualTo(404);
        var somali = site.get("/so/search?q=iran&page=abc");
        assertThat(Jsoup.parse(somali.body()).selectFirst("html").attr("lang")).isEqualTo("so");
    }

    @Test
    void search_pages_are_not_indexed_by_search_engines() {
        for (String path :
                new String[] {"/en/search", "/en/search?q=revenge", "/so/search?q=Iran&section=world", "/ar/search?q=x"
                }) {
            var response = site.get(path);
            // In the page itself, so that the page cache's copy (which keeps no extra headers) says it too.
            assertThat(Jsoup.parse(response.body()).select("meta[name=robots]").attr("content"))
                    .as(path)
                    .isEqualTo("noindex");
            assertThat(site.get(path).body()).as(path + ", from the cache").contains("content=\"noindex\"");
        }
    }

    @Test
    void a_repeated_search_comes_from_the_page_cache_until_an_article_of_its_language_changes() {
        String path = "/en/search?q=clove+harvest";
        assertThat(site.get(path).headers().firstValue("X-Cache")).hasValue("MISS");
        var again = site.get(path);
        assertThat(again.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(again.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(Jsoup.parse(again.body()).select(".search-results h2 a")).isEmpty();
        assertThat(site.get("/so/search?q=clove+harvest").headers().firstValue("X-Cache"))
                .hasValue("MISS");

        var articles = site.wiring().articles().service();
        var draft = articles.createDraft(
                new ArticleDraft(
                        "en",
                        null,
                        "Clove harvest begins in Pemba",
                        null,
                        null,
                        null,
                        "Farmers started the clove harvest.",
                        null,
                        null,
                        null),
                Actor.TERMINAL);
        assertThat(site.get(path).headers().firstValue("X-Cache"))
                .as("a draft is not in the results: nothing to drop")
                .hasValue("HIT");
        articles.publish(draft.id(), Actor.TERMINAL);
        var fresh = site.get(path);
        assertThat(fresh.headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(Jsoup.parse(fresh.body()).select(".search-results h2 a").eachText())
                .containsExactly("Clove harvest begins in Pemba");
        assertThat(site.get("/so/search?q=clove+harvest").headers().firstValue("X-Cache"))
                .as("another language's results stay")
                .hasValue("HIT");

        for (String junk : List.of("/en/search?q=clove&utm_source=x", "/en/search?q=clove&q=harvest")) {
            site.get(junk);
            assertThat(site.get(junk).headers().firstValue("X-Cache"))
                    .as(junk + " is answered, never kept")
                    .hasValue("MISS");
        }
    }

    private List<String> hrefs(String path) {
        return site.html(path).select(".search-results h2 a").eachAttr("href");
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
