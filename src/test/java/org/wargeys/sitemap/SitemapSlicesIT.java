package org.wargeys.sitemap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.article.ArticleDraft;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/**
 * Sitemaps cut into slices of a few articles (issue 20: the slices' boundaries and last changes come
 * from one query, each slice is read by keyset from its first article): the slices, one after the
 * other, list exactly what one sitemap of the whole language lists, in the same order, and the index
 * gives each slice the latest change among its articles. On each database.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SitemapSlicesIT {

    static final int PER = 3;

    @Parameter
    DatabaseKind kind;

    TestSite site;
    SitemapService whole;
    SitemapService sliced;

    @BeforeParameterizedClassInvocation
    void start() {
        site = TestSite.start(kind);
        var articles = site.wiring().articles().service();
        // 11 more English articles, some published in the same second (the id orders them).
        for (int i = 1; i <= 11; i++) {
            var draft = articles.createDraft(
                    new ArticleDraft(
                            "en",
                            "slice-note-" + i,
                            "Slice note " + i,
                            null,
                            null,
                            null,
                            "Note " + i + ".",
                            null,
                            List.of(),
                            List.of()),
                    Actor.TERMINAL);
            articles.publishArchived(
                    draft.id(), Instant.parse("2022-02-01T06:00:00Z").plusSeconds(60L * (i / 2)), Actor.TERMINAL);
        }
        var w = site.wiring();
        whole = new SitemapService(
                w.platform().site(),
                w.articles().archive(),
                w.articles().paths(),
                w.platform().clock());
        sliced = new SitemapService(
                w.platform().site(),
                w.articles().archive(),
                w.articles().paths(),
                w.platform().clock(),
                PER);
    }

    @AfterAll
    void stop() {
        if (site != null) site.close();
    }

    @Test
    void the_slices_one_after_the_other_list_what_the_whole_sitemap_lists() {
        for (String language : List.of("en", "so")) {
            List<String> all = locs(whole.language(language, 1).orElseThrow());
            List<String> joined = new ArrayList<>();
            int slice = 1;
            for (; ; slice++) {
                var xml = sliced.language(language, slice);
                if (xml.isEmpty()) break;
                List<String> locs = locs(xml.get());
                // The language's home page leads the first slice, then PER articles a slice.
                assertThat(locs.size() - (slice == 1 ? 1 : 0))
                        .as(language + " " + slice)
                        .isBetween(1, PER);
                joined.addAll(locs);
            }
            assertThat(joined).as(language).isEqualTo(all);
            int articles = all.size() - 1;
            assertThat(slice - 1).as(language).isEqualTo((articles + PER - 1) / PER);
        }
        assertThat(locs(whole.language("en", 1).orElseThrow())).hasSizeGreaterThan(11);
    }

    @Test
    void the_index_lists_every_slice_with_the_latest_change_among_its_articles() {
        Document index = xml(sliced.index().orElseThrow());
        List<String> expected = new ArrayList<>();
        List<String> lastmods = new ArrayList<>();
        for (String language : List.of("en", "so", "ar")) {
            for (int slice = 1; ; slice++) {
                var xml = sliced.language(language, slice);
                if (xml.isEmpty()) break;
                expected.add(site.baseUrl() + SitemapService.languagePath(language, slice));
                lastmods.add(xml(xml.get()).select("url > lastmod").eachText().stream()
                        .max(String::compareTo)
                        .orElseThrow());
            }
        }
        var entries = index.select("sitemap");
        List<String> locs = new ArrayList<>(
                entries.eachText().isEmpty()
                        ? List.of()
                        : index.select("sitemap > loc").eachText());
        assertThat(locs.remove(site.baseUrl() + SitemapService.NEWS_PATH)).isTrue();
        assertThat(locs).isEqualTo(expected);
        List<String> indexed = new ArrayList<>();
        for (var entry : entries) {
            if (!entry.selectFirst("loc").text().endsWith(SitemapService.NEWS_PATH))
                indexed.add(entry.selectFirst("lastmod").text());
        }
        assertThat(indexed).isEqualTo(lastmods);
        assertThat(sliced.language("en", expected.size() + 1)).isEmpty();
        assertThat(sliced.language("en", 0)).isEmpty();
    }

    private static List<String> locs(String xml) {
        return xml(xml).select("url > loc").eachText();
    }

    private static Document xml(String xml) {
        return Jsoup.parse(xml, "", Parser.xmlParser());
    }
}
