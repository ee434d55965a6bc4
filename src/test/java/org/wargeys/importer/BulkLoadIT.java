package org.wargeys.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.article.ArticleDraft;
import org.wargeys.article.ArticleListing;
import org.wargeys.platform.Actor;
import org.wargeys.search.SearchQuery;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/**
 * The bulk path of issue 20 (an export of English articles and their Somali translations, as
 * bench/GenerateSite writes it, imported in bulk: committed a chunk at a time, the search index
 * catching up with each on another thread) leaves a site that is whole: every article, one translation group per pair, pages that
 * render with their alternates, search and the desk finding the imported articles as they find
 * articles written the ordinary way, and an index that a restart keeps. On each database.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class BulkLoadIT {

    static final int GROUPS = 60;

    @Parameter
    DatabaseKind database;

    @TempDir
    Path temp;

    TestSite site;

    @AfterEach
    void stop() {
        if (site != null) site.deleteData();
    }

    @Test
    void importing_the_same_file_again_in_bulk_changes_nothing() throws IOException {
        site = TestSite.start(database, false);
        Path file = temp.resolve("bulk.xml");
        write(file);
        var importer = site.wiring().importer().wordPress();
        importer.importFile(file, null, false, WordPressImport.Progress.NONE, 25);
        var again = importer.importFile(file, null, false, WordPressImport.Progress.NONE, 25);
        assertThat(again.imported()).isZero();
        assertThat(again.unchanged()).isEqualTo(2 * GROUPS);
        assertThat(site.wiring().search().index().size()).isEqualTo(2 * GROUPS);
    }

    @Test
    void a_bulk_loaded_site_is_whole_and_finds_its_articles_like_ordinary_ones() throws IOException {
        site = TestSite.start(database, false);
        Path file = temp.resolve("bulk.xml");
        write(file);
        // In bulk, in chunks of 25 items: four commits, each announced on the announcer thread, then the rest.
        var report =
                site.wiring().importer().wordPress().importFile(file, null, false, WordPressImport.Progress.NONE, 25);
        assertThat(report.imported()).isEqualTo(2 * GROUPS);
        assertThat(report.skipped()).isEmpty();

        // Two articles written the ordinary way beside them.
        var articles = site.wiring().articles().service();
        for (String language : List.of("en", "so")) {
            var draft = articles.createDraft(
                    new ArticleDraft(
                            language,
                            "ordinary-" + language,
                            "Ordinary " + language,
                            null,
                            null,
                            null,
                            "Written in the newsroom: markerordinary.",
                            "world",
                            List.of(),
                            List.of()),
                    Actor.TERMINAL);
            articles.publishArchived(draft.id(), Instant.parse("2024-06-01T06:00:00Z"), Actor.TERMINAL);
        }

        Jdbi jdbi = site.wiring().platform().database().jdbi();
        assertThat(count(jdbi, "SELECT COUNT(*) FROM articles WHERE status = 'published'"))
                .isEqualTo(2 * GROUPS + 2);
        assertThat(count(jdbi, "SELECT COUNT(*) FROM article_revisions")).isEqualTo(2 * GROUPS + 2);
        // One group per pair, each with its English and its Somali article.
        assertThat(count(jdbi, """
                        SELECT COUNT(*) FROM (SELECT translation_group_id FROM articles
                        GROUP BY translation_group_id HAVING COUNT(*) = 2
                            AND SUM(CASE WHEN language = 'en' THEN 1 ELSE 0 END) = 1) g""")).isEqualTo(GROUPS);
        assertThat(count(jdbi, "SELECT COUNT(*) FROM article_tags")).isEqualTo(2 * GROUPS);
        assertThat(count(jdbi, "SELECT COUNT(*) FROM article_authors")).isEqualTo(2 * GROUPS);
        // Each link's copy of its article's language, status and time (V0034), which the tag and author
        // pages read, is written by the database's triggers on the bulk path too.
        for (String link : List.of("article_tags", "article_authors")) {
            assertThat(
                            count(
                                    jdbi,
                                    "SELECT COUNT(*) FROM " + link + " l JOIN articles a ON a.id = l.article_id"
                                            + " WHERE l.language = a.language AND l.status = a.status AND l.published_at = a.published_at"))
                    .as(link)
                    .isEqualTo(2 * GROUPS);
        }
        assertThat(site.html("/so/tag/iran").select(".teaser h2 a").eachText())
                .hasSize(20)
                .startsWith("Warbixinta beerta 59", "Warbixinta beerta 58");
        assertThat(site.html("/en/author/newsroom").select(".teaser h2 a").eachText())
                .startsWith("Harvest report 59", "Harvest report 58");
        // The newsroom's word search (the trigram index kept by its triggers) has every headline.
        assertThat(site.wiring()
                        .articles()
                        .listing()
                        .page(
                                new ArticleListing.Query(
                                        "arvest report 4",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        ArticleListing.Sort.PUBLISHED),
                                null,
                                null,
                                200,
                                "en")
                        .rows())
                .extracting(r -> r.article().headline())
                .isNotEmpty()
                .allMatch(h -> h.startsWith("Harvest report "));
        var desk = site.wiring()
                .articles()
                .listing()
                .page(ArticleListing.Query.all(ArticleListing.Sort.PUBLISHED), null, null, 200, "en");
        assertThat(desk.rows()).hasSize(2 * GROUPS + 2);

        // Pages render, with the translation as the alternate.
        Document english = site.html("/en/2024/01/harvest-report-7");
        assertThat(english.select("h1").text()).isEqualTo("Harvest report 7");
        assertThat(english.select("link[rel=alternate][hreflang=so]").attr("href"))
                .isEqualTo(site.baseUrl() + "/so/2024/01/warbixinta-beerta-7");

        // Search finds imported and ordinary articles alike, in their language only.
        assertFound("en", token(7), "Harvest report 7");
        assertFound("so", token(7), "Warbixinta beerta 7");
        assertFound("en", "markerordinary", "Ordinary en");
        assertThat(site.wiring().search().lag()).isZero();
        assertThat(site.wiring().search().index().size()).isEqualTo(2 * GROUPS + 2);

        // A restart keeps the index: complete, caught up, nothing to rebuild.
        site = site.restart();
        assertThat(site.wiring().search().index().needsRebuild()).isFalse();
        assertThat(site.wiring().search().lag()).isZero();
        assertFound("so", token(59), "Warbixinta beerta 59");
        assertThat(site.get("/so/section/world").statusCode()).isEqualTo(200);
    }

    private void assertFound(String language, String words, String headline) {
        var hits = site.wiring()
                .search()
                .index()
                .search(new SearchQuery(language, words, null, null, null, 1, 10))
                .hits();
        // The one article with the word first; others may follow on near words, in the language only.
        assertThat(hits).extracting(h -> h.headline()).first().isEqualTo(headline);
        assertThat(hits).allMatch(h -> h.path().startsWith("/" + language + "/"));
    }

    /** A word found in the two articles of one group only (letters: numbers are words of their own). */
    static String token(int group) {
        return "kw" + (char) ('a' + group / 26) + (char) ('a' + group % 26) + "x";
    }

    private static int count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    /** As bench/GenerateSite writes it: Polylang pairs, an hour apart, one section, tag and author. */
    private static void write(Path file) throws IOException {
        StringBuilder w = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" ?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel>
                <title>Warsoor</title><link>https://bench.example</link><language>en-US</language>
                <wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://bench.example</wp:base_site_url><wp:base_blog_url>https://bench.example</wp:base_blog_url>
                <wp:author><wp:author_login>newsroom</wp:author_login><wp:author_display_name><![CDATA[Newsroom]]></wp:author_display_name></wp:author>
                <wp:category><wp:term_id>100</wp:term_id><wp:category_nicename>world</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[World]]></wp:cat_name></wp:category>
                <wp:tag><wp:term_id>200</wp:term_id><wp:tag_slug>iran</wp:tag_slug><wp:tag_name><![CDATA[Iran]]></wp:tag_name></wp:tag>
                """);
        for (int g = 0; g < GROUPS; g++) {
            String date = String.format("2024-01-%02d %02d:00:00", 1 + g / 24, g % 24);
            item(w, 2 * g + 1, "en", g, "Harvest report " + g, "harvest-report-" + g, date);
            item(w, 2 * g + 2, "so", g, "Warbixinta beerta " + g, "warbixinta-beerta-" + g, date);
        }
        w.append("</channel>\n</rss>\n");
        Files.writeString(file, w);
    }

    private static void item(
            StringBuilder w, int id, String language, int group, String title, String slug, String date) {
        w.append("<item><title><![CDATA[")
                .append(title)
                .append("]]></title>")
                .append("<dc:creator><![CDATA[newsroom]]></dc:creator>")
                .append("<guid isPermaLink=\"false\">https://bench.example/?p=")
                .append(id)
                .append("</guid>")
                .append("<content:encoded><![CDATA[<p>The rains came early this year.</p><p>In the valley, ")
                .append(token(group))
                .append(
                        " farmers counted the harvest.</p>]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>")
                .append("<wp:post_id>")
                .append(id)
                .append("</wp:post_id>")
                .append("<wp:post_date>")
                .append(date)
                .append("</wp:post_date><wp:post_date_gmt>")
                .append(date)
                .append("</wp:post_date_gmt><wp:post_name><![CDATA[")
                .append(slug)
                .append("]]></wp:post_name>")
                .append(
                        "<wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type>")
                .append("<category domain=\"category\" nicename=\"world\"><![CDATA[World]]></category>")
                .append("<category domain=\"post_tag\" nicename=\"iran\"><![CDATA[Iran]]></category>")
                .append("<category domain=\"language\" nicename=\"")
                .append(language)
                .append("\"><![CDATA[")
                .append(language)
                .append("]]></category>")
                .append("<category domain=\"post_translations\" nicename=\"pll_")
                .append(group)
                .append("\"><![CDATA[pll_")
                .append(group)
                .append("]]></category></item>\n");
    }
}
