package org.wargeys.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.platform.Actor;
import org.wargeys.platform.Dialect;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.EarlierSchema;
import org.wargeys.testsupport.TestSite;

/**
 * Tag and author lists by keyset (V0034, ADR 0012) on each database: the link tables' copy of each
 * article's language, status and publication time is kept by the database whoever writes (a link
 * written with no copy or a wrong one, an article changed by any statement, a migration over
 * existing rows), and the lists' queries, first page and deep cursor pages of a rare and of a
 * universal term, read the composite index in its order, with no sort.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TermListsIT {

    static final Instant FIRST = Instant.parse("2024-02-01T06:00:00Z");
    static final int ARTICLES = 60;

    @Parameter
    DatabaseKind database;

    TestSite site;
    Jdbi jdbi;
    ArticleService articles;
    ArticleArchive archive;
    long everywhere;
    long rare;
    long staff;
    long guest;

    // One site for the class: the plan tests only read, and the copy tests write articles of their own.
    @BeforeParameterizedClassInvocation
    void start() {
        site = TestSite.start(database, false);
        jdbi = site.wiring().platform().database().jdbi();
        articles = site.wiring().articles().service();
        archive = site.wiring().articles().archive();
        everywhere = articles.defineTag("everywhere", Map.of("en", "Everywhere"), Actor.TERMINAL);
        rare = articles.defineTag("rare", Map.of("en", "Rare"), Actor.TERMINAL);
        staff = articles.defineAuthor("staff", "Staff", Map.of(), Actor.TERMINAL);
        guest = articles.defineAuthor("guest", "Guest", Map.of(), Actor.TERMINAL);
        for (int i = 1; i <= ARTICLES; i++) {
            List<String> tags = i == 7 || i == 40 ? List.of("everywhere", "rare") : List.of("everywhere");
            List<String> authors = i % 20 == 0 ? List.of("staff", "guest") : List.of("staff");
            Article draft = articles.createDraft(
                    new ArticleDraft(
                            i % 2 == 0 ? "so" : "en",
                            "note-" + i,
                            "Note " + i,
                            null,
                            null,
                            null,
                            "Body " + i + ".",
                            null,
                            tags,
                            authors),
                    Actor.TERMINAL);
            articles.publishArchived(draft.id(), FIRST.plusSeconds(60L * i), Actor.TERMINAL);
        }
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (site != null) site.deleteData();
    }

    @Test
    void a_links_copy_is_its_articles_whoever_writes_the_link_or_the_article() {
        Article draft = articles.createDraft(
                new ArticleDraft(
                        "en", "copy-draft", "Copy draft", null, null, null, "Body.", null, List.of("rare"), List.of()),
                Actor.TERMINAL);
        assertThat(copy("article_tags", draft.id())).isEqualTo(new Copy("en", "draft", null));
        assertThat(mismatches()).isZero();

        // A link written by hand, with no copy; one written with a wrong copy; a copy overwritten.
        jdbi.useHandle(h -> h.execute(
                "INSERT INTO article_authors (article_id, author_id, position) VALUES (?, ?, 0)", draft.id(), guest));
        assertThat(copy("article_authors", draft.id())).isEqualTo(new Copy("en", "draft", null));
        jdbi.useHandle(h -> h.execute(
                "INSERT INTO article_tags (article_id, tag_id, position, language, status, published_at)"
                        + " VALUES (?, ?, 1, 'so', 'published', 5)",
                draft.id(),
                everywhere));
        jdbi.useHandle(h -> h.execute(
                "UPDATE article_tags SET status = 'published', published_at = 7 WHERE article_id = ?", draft.id()));
        jdbi.useHandle(h -> h.execute(
                "UPDATE article_authors SET language = 'ar', status = 'published' WHERE article_id = ?", draft.id()));
        assertThat(mismatches()).isZero();
        assertThat(copy("article_tags", draft.id())).isEqualTo(new Copy("en", "draft", null));

        // The article published, taken down, published again at another time, moved to another language.
        Instant at = FIRST.minusSeconds(3600);
        articles.publishArchived(draft.id(), at, Actor.TERMINAL);
        assertThat(copy("article_tags", draft.id())).isEqualTo(new Copy("en", "published", at.toEpochMilli()));
        articles.unpublish(draft.id(), Actor.TERMINAL);
        assertThat(copy("article_authors", draft.id())).isEqualTo(new Copy("en", "unpublished", at.toEpochMilli()));
        Instant later = FIRST.minusSeconds(60);
        articles.publishArchived(draft.id(), later, Actor.TERMINAL);
        jdbi.useHandle(h -> h.execute("UPDATE articles SET language = 'ar' WHERE id = ?", draft.id()));
        assertThat(copy("article_tags", draft.id())).isEqualTo(new Copy("ar", "published", later.toEpochMilli()));
        assertThat(mismatches()).isZero();
        assertThat(ids(archive.tagged(rare, "ar"))).containsExactly(draft.id());
        assertThat(ids(archive.tagged(rare, "en"))).doesNotContain(draft.id());

        // Deleted: its links go with it.
        jdbi.useHandle(h -> h.execute("DELETE FROM articles WHERE id = ?", draft.id()));
        assertThat(count("SELECT COUNT(*) FROM article_tags WHERE article_id = " + draft.id()))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM article_authors WHERE article_id = " + draft.id()))
                .isZero();
    }

    @Test
    void the_lists_read_the_composite_index_in_order_on_page_one_and_deep_cursor_pages() {
        var lists = Map.of(
                "article_tags_by_tag_published",
                List.of(archive.tagged(everywhere, "en"), archive.tagged(rare, "en")),
                "article_authors_by_author_published",
                List.of(archive.byAuthor(staff, "en"), archive.byAuthor(guest, "so")),
                // A period's list reads one of the articles' own indexes in its order (a section's is built
                // the same way): PostgreSQL may take (status, published_at, id) on a test's few rows.
                "articles_by_",
                List.of(archive.publishedBetween(FIRST, FIRST.plus(java.time.Duration.ofDays(1)), "en")));

        lists.forEach((index, listings) -> {
            for (ArticleArchive.Listing list : listings) {
                List<Article> all = walk(list);
                assertThat(all).isNotEmpty();
                // The oldest of the list: the deepest cursor page there is.
                Cursor deep = Cursor.of(all.get(all.size() - 1));
                for (ArticleArchive.Position at : List.of(
                        ArticleArchive.Position.FIRST,
                        ArticleArchive.Position.before(deep),
                        ArticleArchive.Position.after(deep))) {
                    assertReadsInOrder(index, list.pageSql(at), list, at.cursor(), at.isFirst() ? null : 21);
                }
                assertReadsInOrder(index, list.probeSql(true), list, deep, null);
                assertReadsInOrder(index, list.probeSql(false), list, deep, null);
                assertReadsInOrder(index, list.cursorAtSql(), list, null, null);
            }
        });
        // The Content API's lists of a tag's or an author's articles in a language read the same indexes.
        var selection = site.wiring().articles().selection();
        for (var filter : List.of(
                new ArticleSelection.Filter("en", null, "rare", null, null, null),
                new ArticleSelection.Filter("en", null, "everywhere", null, null, null),
                new ArticleSelection.Filter("so", null, null, "guest", null, null))) {
            var terms = selection.terms(filter).orElseThrow();
            for (var after :
                    new ArticleSelection.After[] {null, new ArticleSelection.After(FIRST.plusSeconds(600), 10)}) {
                String sql = ArticleSelection.sql(filter, terms, after);
                List<String> plan = plan(sql, q -> {
                    ArticleSelection.binds(filter, terms, after).forEach(q::bind);
                    return q.bind("limit", 21);
                });
                assertOrdered(
                        filter.tagKey() != null
                                ? "article_tags_by_tag_published"
                                : "article_authors_by_author_published",
                        sql,
                        plan,
                        after != null);
            }
        }
    }

    @Test
    void a_site_upgraded_from_before_the_copy_gets_it_for_every_existing_link() throws Exception {
        EarlierSchema earlier = EarlierSchema.at(database, "0033");
        long then = FIRST.toEpochMilli();
        try (var connection = earlier.connect();
                var statement = connection.createStatement()) {
            statement.execute("INSERT INTO tags (id, key) VALUES (1, 'drought')");
            statement.execute("INSERT INTO authors (id, key, name) VALUES (1, 'amina', 'Amina')");
            for (int i = 1; i <= 3; i++) {
                statement.execute("INSERT INTO translation_groups (id, source_language, created_at) VALUES (" + i
                        + ", 'en', " + then + ")");
                String status = i == 3 ? "'draft'" : "'published'";
                String published = i == 3 ? "NULL" : String.valueOf(then + i);
                statement.execute("INSERT INTO articles (id, translation_group_id, language, slug, headline,"
                        + " body_format, body, body_html, status, created_at, updated_at, published_at)"
                        + " VALUES (" + i + ", " + i + ", 'en', 'old-" + i + "', 'Old " + i + "', 'markdown', 'x',"
                        + " '<p>x</p>', " + status + ", " + then + ", " + then + ", " + published + ")");
                statement.execute("INSERT INTO article_tags (article_id, tag_id) VALUES (" + i + ", 1)");
                statement.execute("INSERT INTO article_authors (article_id, author_id) VALUES (" + i + ", 1)");
            }
            if (earlier.dialect() == Dialect.POSTGRESQL) {
                for (String table : List.of("tags", "authors", "translation_groups", "articles"))
                    statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), 10)");
            }
        }
        TestSite upgraded = earlier.start();
        try {
            Jdbi upgradedJdbi = upgraded.wiring().platform().database().jdbi();
            int wrong = upgradedJdbi.withHandle(TermListsIT::mismatches);
            assertThat(wrong).isZero();
            int published = upgradedJdbi.withHandle(h -> h.createQuery(
                            "SELECT COUNT(*) FROM article_tags WHERE status = 'published' AND language = 'en'")
                    .mapTo(Integer.class)
                    .one());
            assertThat(published).isEqualTo(2);
            var upgradedArchive = upgraded.wiring().articles().archive();
            assertThat(upgradedArchive
                            .page(upgradedArchive.tagged(1, "en"), ArticleArchive.Position.FIRST, 20)
                            .items())
                    .extracting(Article::headline)
                    .containsExactly("Old 2", "Old 1");
            assertThat(upgraded.html("/en/author/amina").select(".teaser h2 a").eachText())
                    .containsExactly("Old 2", "Old 1");
        } finally {
            upgraded.deleteData();
        }
    }

    private List<Long> ids(ArticleArchive.Listing list) {
        return walk(list).stream().map(Article::id).toList();
    }

    /** The articles of the list, newest first, walked page by page with cursors (a page of 7). */
    private List<Article> walk(ArticleArchive.Listing list) {
        List<Article> all = new ArrayList<>();
        ArticleArchive.Position at = ArticleArchive.Position.FIRST;
        while (true) {
            var slice = archive.page(list, at, 7);
            all.addAll(slice.items());
            if (!slice.older()) return all;
            at = ArticleArchive.Position.before(
                    Cursor.of(slice.items().get(slice.items().size() - 1)));
        }
    }

    private void assertReadsInOrder(String index, String sql, ArticleArchive.Listing list, Cursor at, Integer limit) {
        List<String> plan = plan(sql, q -> {
            list.bind(q);
            if (sql.contains(":limit")) q.bind("limit", limit == null ? 21 : limit);
            if (sql.contains(":offset")) q.bind("offset", 40);
            if (at != null) q.bind("at", at.publishedAt().toEpochMilli()).bind("id", at.id());
            return q;
        });
        assertOrdered(index, sql, plan, at != null);
    }

    private void assertOrdered(String index, String sql, List<String> plan, boolean fromCursor) {
        String text = String.join("\n", plan);
        assertThat(text).as(sql).contains(index);
        if (database == DatabaseKind.SQLITE) {
            assertThat(text).as(sql).doesNotContain("TEMP B-TREE").doesNotContain("SCAN ");
        } else {
            assertThat(plan).as(sql).noneMatch(line -> line.trim().matches("(->\\s*)?(Incremental )?Sort.*"));
            assertThat(text).as(sql).doesNotContain("Seq Scan on article");
            // Past a cursor the index range starts at the cursor's time (SQLite's plan does not say
            // whether a range is bounded; the SQL is the same on both).
            if (fromCursor) assertThat(text).as(sql).containsPattern("Index Cond: .*published_at [<>]= ");
        }
    }

    /**
     * The database's plan for the query: SQLite's EXPLAIN QUERY PLAN (its statistics as a site has
     * them: none); PostgreSQL's EXPLAIN with sequential scans ruled out, the tables of a test being too
     * small for an index to be worth it otherwise.
     */
    private List<String> plan(String sql, java.util.function.UnaryOperator<Query> binds) {
        return jdbi.inTransaction(h -> {
            if (database == DatabaseKind.SQLITE) {
                return binds.apply(h.createQuery("EXPLAIN QUERY PLAN " + sql))
                        .map((rs, ctx) -> rs.getString("detail"))
                        .list();
            }
            h.execute("SET LOCAL enable_seqscan = off");
            return binds.apply(h.createQuery("EXPLAIN " + sql))
                    .mapTo(String.class)
                    .list();
        });
    }

    record Copy(String language, String status, Long publishedAt) {}

    private Copy copy(String table, long articleId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT DISTINCT language, status, published_at FROM " + table + " WHERE article_id = :a")
                .bind("a", articleId)
                .map((rs, ctx) ->
                        new Copy(rs.getString(1), rs.getString(2), rs.getObject(3) == null ? null : rs.getLong(3)))
                .one());
    }

    private int mismatches() {
        return jdbi.withHandle(TermListsIT::mismatches);
    }

    /** Links whose copy differs from their article, in both tables. */
    static int mismatches(Handle h) {
        int n = 0;
        for (String table : List.of("article_tags", "article_authors")) {
            n += h.createQuery("SELECT COUNT(*) FROM " + table + " l JOIN articles a ON a.id = l.article_id"
                            + " WHERE l.language IS DISTINCT FROM a.language OR l.status IS DISTINCT FROM a.status"
                            + " OR l.published_at IS DISTINCT FROM a.published_at")
                    .mapTo(Integer.class)
                    .one();
        }
        return n;
    }

    private int count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }
}
