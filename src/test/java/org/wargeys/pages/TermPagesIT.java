package org.wargeys.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleDraft;
import org.wargeys.article.ArticleService;
import org.wargeys.article.WorkflowStep;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestClock;
import org.wargeys.testsupport.TestSite;

/**
 * Tag and author pages, read from the link tables' copy of each article's language, status and
 * publication time (V0034), list exactly what the articles themselves say, newest first, each article
 * once across the cursor pages both ways, as articles are published, taken down, published again at
 * another time, scheduled, merged into another tag, given other bylines and moved to another language.
 * The expected lists are read from the articles' own columns, not from the copy. On each database.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class TermPagesIT {

    static final Instant FIRST = Instant.parse("2024-05-01T06:00:00Z");
    static final int ARTICLES = 66;

    @Parameter
    DatabaseKind database;

    TestSite site;
    TestClock clock;
    ArticleService articles;
    Jdbi jdbi;
    final List<Article> written = new ArrayList<>();

    // A site of each test's own: every test changes the articles it lists.
    @BeforeEach
    void start() {
        clock = new TestClock(TestSite.NOW);
        site = TestSite.start(database, false, Map.of(), clock);
        articles = site.wiring().articles().service();
        jdbi = site.wiring().platform().database().jdbi();
        articles.defineTag("drought", Map.of("en", "Drought", "so", "Abaar"), Actor.TERMINAL);
        articles.defineTag("rare", Map.of("en", "Rare"), Actor.TERMINAL);
        articles.defineTag("floods", Map.of("en", "Floods", "so", "Daadad"), Actor.TERMINAL);
        articles.defineAuthor("amina", "Amina", Map.of(), Actor.TERMINAL);
        articles.defineAuthor("farah", "Farah", Map.of(), Actor.TERMINAL);
        // 44 English and 22 Somali articles, three at a time published at the same second (the id
        // decides among them): three pages of English, two of Somali.
        for (int i = 1; i <= ARTICLES; i++) {
            List<String> tags = new ArrayList<>(List.of("drought"));
            if (i == 5 || i == 31) tags.add("rare");
            if (i % 11 == 0 || i == 31) tags.add("floods");
            List<String> authors = i % 4 == 0 ? List.of("amina", "farah") : List.of("amina");
            Article draft = draft(i % 3 == 0 ? "so" : "en", "Report " + i, tags, authors);
            written.add(articles.publishArchived(draft.id(), FIRST.plusSeconds(600L * ((i + 2) / 3)), Actor.TERMINAL));
        }
    }

    @AfterEach
    void stop() {
        if (site != null) site.deleteData();
    }

    @Test
    void tag_and_author_pages_follow_publication_unpublication_and_a_new_publication_time() {
        assertEveryList();

        // Taken down: the newest English article, and one in the middle of the second page.
        articles.unpublish(report(44).id(), Actor.TERMINAL);
        articles.unpublish(report(23).id(), Actor.TERMINAL);
        assertEveryList();

        // Published again at another, older time: it moves down the lists.
        articles.publishArchived(report(44).id(), FIRST.plusSeconds(300), Actor.TERMINAL);
        assertEveryList();
        assertThat(walk("/en/tag/drought")).endsWith("Report 2", "Report 1", "Report 44");

        // A new article published now heads its lists; one scheduled joins them when its time comes.
        Article now = draft("en", "Report now", List.of("drought", "rare"), List.of("farah"));
        articles.publish(now.id(), Actor.TERMINAL);
        Article scheduled = draft("so", "Report scheduled", List.of("drought"), List.of("amina"));
        site.wiring()
                .articles()
                .workflow()
                .take(scheduled.id(), WorkflowStep.SCHEDULE, TestSite.NOW.plus(Duration.ofHours(1)), Actor.TERMINAL);
        assertEveryList();
        assertThat(walk("/so/tag/abaar")).doesNotContain("Report scheduled");
        clock.advance(Duration.ofHours(2));
        assertThat(site.wiring().articles().workflow().publishDue()).hasSize(1);
        assertEveryList();
        assertThat(walk("/so/tag/abaar")).first().isEqualTo("Report scheduled");
        assertThat(walk("/en/tag/rare")).containsExactly("Report now", "Report 31", "Report 5");
    }

    @Test
    void merged_tags_changed_bylines_and_a_changed_language_move_articles_between_pages() {
        // Rare merged into floods: its articles join (one had both), its page is gone.
        articles.mergeTags("rare", "floods", Actor.TERMINAL);
        assertThat(site.get("/en/tag/rare").statusCode()).isEqualTo(404);
        assertThat(walk("/en/tag/floods"))
                .containsExactly("Report 55", "Report 44", "Report 31", "Report 22", "Report 11", "Report 5");
        assertEveryList();

        // Another byline: from Amina's pages to Farah's.
        Article moved = report(10);
        articles.update(
                moved.id(),
                moved.revision(),
                new ArticleDraft(
                        moved.language(),
                        moved.slug(),
                        moved.headline(),
                        null,
                        null,
                        null,
                        moved.body(),
                        null,
                        List.of("drought"),
                        List.of("farah")),
                Actor.TERMINAL);
        assertEveryList();
        assertThat(walk("/en/author/amina")).doesNotContain("Report 10");
        assertThat(walk("/en/author/farah")).contains("Report 10");

        // Moved to Arabic by a statement of the database's own (no feature does it; the copy follows
        // all the same). Nothing announced it, so the cached pages are dropped by hand.
        long arabic = report(7).id();
        jdbi.useHandle(h -> h.execute("UPDATE articles SET language = 'ar' WHERE id = ?", arabic));
        site.wiring().web().pageCache().purgeAll();
        assertThat(walk("/ar/tag/drought")).containsExactly("Report 7");
        assertThat(walk("/ar/author/amina")).containsExactly("Report 7");
        assertEveryList();
    }

    private Article draft(String language, String headline, List<String> tags, List<String> authors) {
        return articles.createDraft(
                new ArticleDraft(
                        language,
                        null,
                        headline,
                        null,
                        null,
                        null,
                        "Rains failed again in the south; " + headline + ".",
                        null,
                        tags,
                        authors),
                Actor.TERMINAL);
    }

    private Article report(int i) {
        return articles.find(written.get(i - 1).id());
    }

    /** Every tag's and author's page in every language against the articles' own columns. */
    private void assertEveryList() {
        for (String language : List.of("en", "so", "ar")) {
            for (String tag : jdbi.withHandle(h ->
                    h.createQuery("SELECT key FROM tags").mapTo(String.class).list())) {
                String slug = jdbi.withHandle(h -> h.createQuery("SELECT COALESCE((SELECT n.slug FROM tag_names n"
                                + " WHERE n.tag_id = t.id AND n.language = :l), t.key) FROM tags t WHERE t.key = :k")
                        .bind("l", language)
                        .bind("k", tag)
                        .mapTo(String.class)
                        .one());
                assertThat(walk("/" + language + "/tag/" + slug))
                        .as(language + " tag " + tag)
                        .isEqualTo(expected("article_tags", "tag_id", "tags", tag, language));
            }
            for (String author : List.of("amina", "farah")) {
                assertThat(walk("/" + language + "/author/" + author))
                        .as(language + " author " + author)
                        .isEqualTo(expected("article_authors", "author_id", "authors", author, language));
            }
        }
    }

    /** The term's published articles in the language, newest first, by the articles' own columns. */
    private List<String> expected(String link, String column, String terms, String key, String language) {
        return jdbi.withHandle(h -> h.createQuery("SELECT a.headline FROM articles a WHERE a.language = :l"
                        + " AND a.status = 'published' AND EXISTS (SELECT 1 FROM " + link + " x JOIN " + terms
                        + " t ON t.id = x." + column + " WHERE x.article_id = a.id AND t.key = :k)"
                        + " ORDER BY a.published_at DESC, a.id DESC")
                .bind("l", language)
                .bind("k", key)
                .mapTo(String.class)
                .list());
    }

    /**
     * The list's headlines from its first page down its "Older" links; walked back up by the "Newer"
     * links, the same list.
     */
    private List<String> walk(String path) {
        List<String> forward = new ArrayList<>();
        Document page = site.html(path);
        int pages = 1;
        while (true) {
            forward.addAll(page.select(".teaser h2 a").eachText());
            Element older = page.selectFirst("a[rel=next]");
            if (older == null) break;
            page = site.html(older.attr("href"));
            pages++;
        }
        assertThat(pages)
                .as(path)
                .isEqualTo(Math.max(1, (forward.size() + ArchivePages.PAGE_SIZE - 1) / ArchivePages.PAGE_SIZE));
        List<String> backward = new ArrayList<>();
        while (true) {
            backward.addAll(0, page.select(".teaser h2 a").eachText());
            Element newer = page.selectFirst("a[rel=prev]");
            if (newer == null) break;
            page = site.html(newer.attr("href"));
        }
        assertThat(backward).as(path + ", back up").isEqualTo(forward);
        return forward;
    }
}
