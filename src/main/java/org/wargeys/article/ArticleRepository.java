package org.wargeys.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Articles, their translation groups and revisions in the database. Thread-safe. */
final class ArticleRepository {

    static final String COLUMNS = """
            a.id, a.translation_group_id, a.language, a.slug, a.headline, a.dateline_place, a.dateline_outlet,
            a.standfirst, a.body_format, a.body, a.body_html, a.section_id, a.status, a.seo_title, a.seo_description,
            a.created_at, a.updated_at, a.published_at, a.scheduled_at, a.revision, a.pinned""";

    /**
     * The columns of an article without its texts (standfirst, bodies and SEO fields read as empty),
     * for lists of many articles that need only their addresses, headlines and dates: a sitemap slice
     * holds 50,000, and with their bodies it took more than the server's whole heap.
     */
    static final String HEAD_COLUMNS = """
            a.id, a.translation_group_id, a.language, a.slug, a.headline, a.dateline_place, a.dateline_outlet,
            '' AS standfirst, a.body_format, '' AS body, '' AS body_html, a.section_id, a.status, '' AS seo_title,
            '' AS seo_description, a.created_at, a.updated_at, a.published_at, a.scheduled_at, a.revision, a.pinned""";

    private final Jdbi jdbi;

    ArticleRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    long insertGroup(Handle h, String sourceLanguage, Instant now) {
        return h.createQuery(
                        "INSERT INTO translation_groups (source_language, created_at) VALUES (:lang, :now) RETURNING id")
                .bind("lang", sourceLanguage)
                .bind("now", now.toEpochMilli())
                .mapTo(Long.class)
                .one();
    }

    long insert(Handle h, long groupId, ArticleEdit edit, String slug, String bodyHtml, Long sectionId, Instant now) {
        return h.createQuery("""
                        INSERT INTO articles (translation_group_id, language, slug, headline, dateline_place, dateline_outlet,
                            standfirst, body_format, body, body_html, section_id, seo_title, seo_description, pinned, status,
                            created_at, updated_at, revision)
                        VALUES (:group, :language, :slug, :headline, :place, :outlet, :standfirst, :format, :body, :html,
                            :section, :seoTitle, :seoDescription, :pinned, 'draft', :now, :now, 1)
                        RETURNING id""")
                .bind("group", groupId)
                .bind("language", edit.draft().language())
                .bind("pinned", Boolean.TRUE.equals(edit.pinned()) ? 1 : 0)
                .bindMap(content(edit, slug, bodyHtml, sectionId, now))
                .mapTo(Long.class)
                .one();
    }

    /**
     * Saves new content (and search-engine fields) over the article if its revision is still
     * {@code expectedRevision}; false if someone saved in between.
     */
    boolean update(
            Handle h,
            long id,
            int expectedRevision,
            ArticleEdit edit,
            String slug,
            String bodyHtml,
            Long sectionId,
            Instant now) {
        return h.createUpdate("""
                        UPDATE articles SET slug = :slug, headline = :headline, dateline_place = :place,
                            dateline_outlet = :outlet, standfirst = :standfirst, body_format = :format, body = :body,
                            body_html = :html, section_id = :section, seo_title = :seoTitle,
                            seo_description = :seoDescription, updated_at = :now, revision = revision + 1
                        WHERE id = :id AND revision = :expected""")
                        .bind("id", id)
                        .bind("expected", expectedRevision)
                        .bindMap(content(edit, slug, bodyHtml, sectionId, now))
                        .execute()
                == 1;
    }

    // The named values an insert and an update of an article's content share.
    private static java.util.Map<String, Object> content(
            ArticleEdit edit, String slug, String bodyHtml, Long sectionId, Instant now) {
        ArticleDraft draft = edit.draft();
        var values = new java.util.HashMap<String, Object>();
        values.put("slug", slug);
        values.put("headline", draft.headline());
        values.put("place", draft.dateline().place());
        values.put("outlet", draft.dateline().outlet());
        values.put("standfirst", draft.standfirst());
        values.put("format", draft.bodyFormat().code());
        values.put("body", draft.body());
        values.put("html", bodyHtml);
        values.put("section", sectionId);
        values.put("seoTitle", edit.seoTitleOrNull());
        values.put("seoDescription", edit.seoDescriptionOrNull());
        values.put("now", now.toEpochMilli());
        return values;
    }

    /**
     * Moves the article from one status to another if it still has the first (two people or two nodes
     * cannot both take the step); a status change alone is not an edit, so updated_at stays.
     *
     * @return false if the article's status was no longer {@code from}
     */
    boolean changeStatus(
            Handle h, long id, ArticleStatus from, ArticleStatus to, Instant publishedAt, Instant scheduledAt) {
        return h.createUpdate("""
                        UPDATE articles SET status = :to, published_at = :published, scheduled_at = :scheduled
                        WHERE id = :id AND status = :from""")
                        .bind("id", id)
                        .bind("from", from.code())
                        .bind("to", to.code())
                        .bind("published", publishedAt == null ? null : publishedAt.toEpochMilli())
                        .bind("scheduled", scheduledAt == null ? null : scheduledAt.toEpochMilli())
                        .execute()
                == 1;
    }

    /** Marks the article edited now (a correction moves its modified date). */
    static void touch(Handle h, long id, Instant now) {
        h.createUpdate("UPDATE articles SET updated_at = :now WHERE id = :id")
                .bind("now", now.toEpochMilli())
                .bind("id", id)
                .execute();
    }

    /** Dates the article's creation and last edit, for content that existed before it came here. */
    void backdate(Handle h, long id, Instant when) {
        h.createUpdate("UPDATE articles SET created_at = :when, updated_at = :when WHERE id = :id")
                .bind("id", id)
                .bind("when", when.toEpochMilli())
                .execute();
        h.createUpdate("UPDATE article_revisions SET saved_at = :when WHERE article_id = :id")
                .bind("id", id)
                .bind("when", when.toEpochMilli())
                .execute();
    }

    void insertRevision(Handle h, Article article, String savedBy) {
        insertRevision(h, article, savedBy, false);
    }

    void insertRevision(Handle h, Article article, String savedBy, boolean autosaved) {
        h.createUpdate("""
                        INSERT INTO article_revisions (article_id, revision, headline, dateline_place, dateline_outlet,
                            standfirst, body_format, body, saved_at, saved_by, autosaved)
                        VALUES (:article, :revision, :headline, :place, :outlet, :standfirst, :format, :body, :savedAt, :by,
                            :autosaved)""")
                .bindMap(revision(article))
                .bind("by", savedBy)
                .bind("autosaved", autosaved ? 1 : 0)
                .execute();
    }

    /**
     * Turns the revision {@code previous} into the article's current one (its number and content), if
     * it was an autosave by the same person since {@code since}; false otherwise.
     */
    boolean replaceAutosavedRevision(Handle h, Article article, int previous, String savedBy, Instant since) {
        return h.createUpdate("""
                        UPDATE article_revisions SET revision = :revision, headline = :headline, dateline_place = :place,
                            dateline_outlet = :outlet, standfirst = :standfirst, body_format = :format, body = :body,
                            saved_at = :savedAt
                        WHERE article_id = :article AND revision = :previous AND autosaved = 1 AND saved_by = :by
                            AND saved_at >= :since""")
                        .bindMap(revision(article))
                        .bind("previous", previous)
                        .bind("by", savedBy)
                        .bind("since", since.toEpochMilli())
                        .execute()
                == 1;
    }

    private static java.util.Map<String, Object> revision(Article article) {
        var values = new java.util.HashMap<String, Object>();
        values.put("article", article.id());
        values.put("revision", article.revision());
        values.put("headline", article.headline());
        values.put("place", article.dateline().place());
        values.put("outlet", article.dateline().outlet());
        values.put("standfirst", article.standfirst());
        values.put("format", article.bodyFormat().code());
        values.put("body", article.body());
        values.put("savedAt", article.updatedAt().toEpochMilli());
        return values;
    }

    void replaceTags(Handle h, long articleId, List<Long> tagIds) {
        replaceLinks(h, "article_tags", "tag_id", articleId, tagIds);
    }

    void replaceAuthors(Handle h, long articleId, List<Long> authorIds) {
        replaceLinks(h, "article_authors", "author_id", articleId, authorIds);
    }

    // Tags and bylines are ordered lists of links from the article; table names are constants, never input.
    private static void replaceLinks(Handle h, String table, String column, long articleId, List<Long> ids) {
        h.createUpdate("DELETE FROM " + table + " WHERE article_id = :id")
                .bind("id", articleId)
                .execute();
        for (int i = 0; i < ids.size(); i++) {
            h.createUpdate("INSERT INTO " + table + " (article_id, " + column + ", position) VALUES (:a, :t, :p)")
                    .bind("a", articleId)
                    .bind("t", ids.get(i))
                    .bind("p", i)
                    .execute();
        }
    }

    Optional<Article> findById(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM articles a WHERE a.id = :id")
                .bind("id", id)
                .map(ArticleRepository::map)
                .findOne();
    }

    Optional<Article> findById(long id) {
        return jdbi.withHandle(h -> findById(h, id));
    }

    Optional<Article> findBySlug(String language, String slug) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT " + COLUMNS + " FROM articles a WHERE a.language = :lang AND a.slug = :slug")
                        .bind("lang", language)
                        .bind("slug", slug)
                        .map(ArticleRepository::map)
                        .findOne());
    }

    boolean slugTaken(Handle h, String language, String slug, Long exceptId) {
        return h.createQuery("SELECT COUNT(*) FROM articles WHERE language = :lang AND slug = :slug AND id <> :except")
                        .bind("lang", language)
                        .bind("slug", slug)
                        .bind("except", exceptId == null ? -1L : exceptId)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    List<Article> latestPublished(String language, int limit, int offset) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM articles a WHERE a.language = :lang AND a.status = 'published'
                        ORDER BY a.published_at DESC, a.id DESC LIMIT :limit OFFSET :offset""")
                .bind("lang", language)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(ArticleRepository::map)
                .list());
    }

    /**
     * Articles of every language and status with an id above {@code afterId}, by id: a keyset walk
     * over all of them on the primary key. No status condition on purpose: with one, SQLite walks the
     * status index instead and sorts every published article after the key for each batch (a full
     * reindex of a million articles was on course for 18 minutes; it takes 5).
     */
    List<Article> after(long afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM articles a WHERE a.id > :after ORDER BY a.id LIMIT :limit")
                .bind("after", afterId)
                .bind("limit", limit)
                .map(ArticleRepository::map)
                .list());
    }

    /** Those of the articles that are published, by id. */
    List<Article> publishedAmong(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM articles a WHERE a.status = 'published' AND a.id IN (<ids>) ORDER BY a.id")
                .bindList("ids", List.copyOf(ids))
                .map(ArticleRepository::map)
                .list());
    }

    /** A language's published articles for its home page: pinned ones first, each part newest first. */
    List<Article> homePage(String language, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM articles a WHERE a.language = :lang AND a.status = 'published'
                        ORDER BY a.pinned DESC, a.published_at DESC, a.id DESC LIMIT :limit""")
                .bind("lang", language)
                .bind("limit", limit)
                .map(ArticleRepository::map)
                .list());
    }

    /** Sets the pinned flag; true if it changed. */
    boolean setPinned(Handle h, long id, boolean pinned) {
        return h.createUpdate("UPDATE articles SET pinned = :pinned WHERE id = :id AND pinned <> :pinned")
                        .bind("id", id)
                        .bind("pinned", pinned ? 1 : 0)
                        .execute()
                == 1;
    }

    List<Article> inGroup(long groupId) {
        return jdbi.withHandle(h -> inGroup(h, groupId));
    }

    List<Article> inGroup(Handle h, long groupId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM articles a WHERE a.translation_group_id = :g ORDER BY a.id")
                .bind("g", groupId)
                .map(ArticleRepository::map)
                .list();
    }

    int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM articles")
                .mapTo(Integer.class)
                .one());
    }

    int countPublished() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM articles WHERE status = 'published'")
                .mapTo(Integer.class)
                .one());
    }

    List<Integer> revisionNumbers(long articleId) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT revision FROM article_revisions WHERE article_id = :id ORDER BY revision")
                        .bind("id", articleId)
                        .mapTo(Integer.class)
                        .list());
    }

    static Article map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Article(
                rs.getLong("id"),
                rs.getLong("translation_group_id"),
                rs.getString("language"),
                rs.getString("slug"),
                rs.getString("headline"),
                new Dateline(rs.getString("dateline_place"), rs.getString("dateline_outlet")),
                rs.getString("standfirst"),
                BodyFormat.of(rs.getString("body_format")),
                rs.getString("body"),
                rs.getString("body_html"),
                nullableLong(rs, "section_id"),
                ArticleStatus.of(rs.getString("status")),
                rs.getString("seo_title"),
                rs.getString("seo_description"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "published_at"),
                instant(rs, "scheduled_at"),
                rs.getInt("revision"),
                rs.getInt("pinned") == 1);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
