package org.wargeys.importer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.wargeys.article.ArticlePublished;
import org.wargeys.article.ArticleStatus;
import org.wargeys.media.Image;
import org.wargeys.media.MediaService;

/**
 * The importer's writes to the site's own tables, all on the one handle of the import's transaction:
 * articles and their revisions, translation groups, taxonomy terms and authors, and featured images
 * (through the media library, on this same handle); its bookkeeping is in {@link ImportRecords}.
 * Articles are written here rather than through ArticleService because an import is one transaction
 * over thousands of articles, keeps the source's dates and workflow states, and announces the live
 * ones only after commit. Not thread-safe: one per import.
 */
final class ImportStore {

    /** An article as the importer writes it; {@code pinned} comes from WordPress's sticky flag. */
    record ArticleRow(
            String language,
            String slug,
            String headline,
            String standfirst,
            String body,
            String bodyHtml,
            Long sectionId,
            ArticleStatus status,
            Instant createdAt,
            Instant updatedAt,
            Instant publishedAt,
            Instant scheduledAt,
            boolean pinned) {}

    private final Handle h;
    private final MediaService library;
    // What this import already wrote or read, as it is in its transaction: a term, author or name is
    // looked up once per import rather than once per article (issue 20: three lookups an article).
    private final Map<String, Long> ids = new java.util.HashMap<>();
    private final Map<String, String> currentNames = new java.util.HashMap<>();

    ImportStore(Handle h, MediaService library) {
        this.h = h;
        this.library = library;
    }

    /** Sets (or, with null, removes) the article's featured image. */
    void feature(long articleId, Long mediaId) {
        library.feature(h, articleId, mediaId);
    }

    Optional<Long> featuredImage(long articleId) {
        return library.featuredId(h, articleId);
    }

    /** Adds an image to the media library; the caller discards it if the import is rolled back. */
    Image addImage(byte[] bytes, String alt, String caption, String language) {
        return library.add(h, bytes, null, Map.of(language, new Image.Text(alt, caption)), "import");
    }

    /** The announcement of the article if it is live. */
    Optional<ArticlePublished> live(long articleId) {
        return h.createQuery(
                        "SELECT translation_group_id, language FROM articles WHERE id = :id AND status = 'published'")
                .bind("id", articleId)
                .map((rs, ctx) -> new ArticlePublished(articleId, rs.getLong(1), rs.getString(2)))
                .findOne();
    }

    /** A new translation group, first written in {@code sourceLanguage}. */
    long newTranslationGroup(String sourceLanguage, Instant now) {
        return h.createQuery(
                        "INSERT INTO translation_groups (source_language, created_at) VALUES (:lang, :now) RETURNING id")
                .bind("lang", sourceLanguage)
                .bind("now", now.toEpochMilli())
                .mapTo(Long.class)
                .one();
    }

    /** True if another article of the group already has the language. */
    boolean groupHasLanguage(long groupId, String language, long exceptArticle) {
        return h.createQuery(
                                "SELECT COUNT(*) FROM articles WHERE translation_group_id = :g AND language = :l AND id <> :a")
                        .bind("g", groupId)
                        .bind("l", language)
                        .bind("a", exceptArticle)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    Optional<Long> groupOf(long articleId) {
        return h.createQuery("SELECT translation_group_id FROM articles WHERE id = :id")
                .bind("id", articleId)
                .mapTo(Long.class)
                .findOne();
    }

    boolean slugTaken(String language, String slug, long exceptArticle) {
        return h.createQuery("SELECT COUNT(*) FROM articles WHERE language = :l AND slug = :s AND id <> :a")
                        .bind("l", language)
                        .bind("s", slug)
                        .bind("a", exceptArticle)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    long insertArticle(long groupId, ArticleRow a) {
        long id = h.createQuery("""
                        INSERT INTO articles (translation_group_id, language, slug, headline, standfirst, body_format, body,
                            body_html, section_id, status, created_at, updated_at, published_at, scheduled_at, revision, pinned)
                        VALUES (:group, :language, :slug, :headline, :standfirst, 'html', :body, :html, :section, :status,
                            :created, :updated, :published, :scheduled, 1, :pinned)
                        RETURNING id""")
                .bind("group", groupId)
                .bindMap(bindings(a))
                .mapTo(Long.class)
                .one();
        insertRevision(id, 1, a);
        return id;
    }

    void updateArticle(long id, long groupId, ArticleRow a) {
        h.createUpdate("""
                        UPDATE articles SET translation_group_id = :group, slug = :slug, headline = :headline,
                            standfirst = :standfirst, body_format = 'html', body = :body, body_html = :html, section_id = :section,
                            status = :status, created_at = :created, updated_at = :updated, published_at = :published,
                            scheduled_at = :scheduled, pinned = :pinned, revision = revision + 1
                        WHERE id = :id""")
                .bind("id", id)
                .bind("group", groupId)
                .bindMap(bindings(a))
                .execute();
        int revision = h.createQuery("SELECT revision FROM articles WHERE id = :id")
                .bind("id", id)
                .mapTo(Integer.class)
                .one();
        insertRevision(id, revision, a);
    }

    /** Replaces the stored and rendered body only (galleries resolved after the stream); no new revision. */
    void replaceBody(long id, String body, String bodyHtml) {
        h.createUpdate("UPDATE articles SET body = :body, body_html = :html WHERE id = :id")
                .bind("id", id)
                .bind("body", body)
                .bind("html", bodyHtml)
                .execute();
        h.createUpdate(
                        "UPDATE article_revisions SET body = :body WHERE article_id = :id AND revision = (SELECT revision FROM articles WHERE id = :id)")
                .bind("id", id)
                .bind("body", body)
                .execute();
    }

    Optional<String> body(long id) {
        return h.createQuery("SELECT body FROM articles WHERE id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne();
    }

    private void insertRevision(long articleId, int revision, ArticleRow a) {
        h.createUpdate("""
                        INSERT INTO article_revisions (article_id, revision, headline, standfirst, body_format, body, saved_at, saved_by)
                        VALUES (:article, :revision, :headline, :standfirst, 'html', :body, :saved, 'import')""")
                .bind("article", articleId)
                .bind("revision", revision)
                .bind("headline", a.headline())
                .bind("standfirst", a.standfirst())
                .bind("body", a.body())
                .bind("saved", a.updatedAt().toEpochMilli())
                .execute();
    }

    private static Map<String, Object> bindings(ArticleRow a) {
        var map = new java.util.HashMap<String, Object>();
        map.put("language", a.language());
        map.put("slug", a.slug());
        map.put("headline", a.headline());
        map.put("standfirst", a.standfirst());
        map.put("body", a.body());
        map.put("html", a.bodyHtml());
        map.put("section", a.sectionId());
        map.put("status", a.status().code());
        map.put("created", a.createdAt().toEpochMilli());
        map.put("updated", a.updatedAt().toEpochMilli());
        map.put("published", a.publishedAt() == null ? null : a.publishedAt().toEpochMilli());
        map.put("scheduled", a.scheduledAt() == null ? null : a.scheduledAt().toEpochMilli());
        map.put("pinned", a.pinned() ? 1 : 0);
        return map;
    }

    /** The id of a section or tag by key, creating it; the name is set (or replaced) in the language. */
    long term(String table, String namesTable, String foreignKey, String key, String language, String name) {
        long id = ids.computeIfAbsent(table + "\u0000" + key, k -> termId(table, key));
        name(namesTable, foreignKey, id, key, language, name);
        return id;
    }

    private long termId(String table, String key) {
        return h.createQuery("SELECT id FROM " + table + " WHERE key = :key")
                .bind("key", key)
                .mapTo(Long.class)
                .findOne()
                .orElseGet(() -> h.createQuery("INSERT INTO " + table + " (key) VALUES (:key) RETURNING id")
                        .bind("key", key)
                        .mapTo(Long.class)
                        .one());
    }

    /**
     * The term's name and slug in a language, made unique among that language's slugs; kept as it is
     * when the name has not changed (a re-import keeps addresses stable).
     */
    private void name(String namesTable, String foreignKey, long id, String key, String language, String name) {
        String term = String.join("\u0000", namesTable, String.valueOf(id), language);
        if (name.equals(currentNames.get(term))) return;
        setName(namesTable, foreignKey, id, key, language, name);
        currentNames.put(term, name);
    }

    private void setName(String namesTable, String foreignKey, long id, String key, String language, String name) {
        Optional<String> current = h.createQuery(
                        "SELECT name FROM " + namesTable + " WHERE " + foreignKey + " = :id AND language = :l")
                .bind("id", id)
                .bind("l", language)
                .mapTo(String.class)
                .findOne();
        if (current.isPresent() && current.get().equals(name)) return;
        h.createUpdate("DELETE FROM " + namesTable + " WHERE " + foreignKey + " = :id AND language = :l")
                .bind("id", id)
                .bind("l", language)
                .execute();
        String base = org.wargeys.article.Slug.of(name, 8);
        if (base.isEmpty()) base = org.wargeys.article.Slug.of(key, 8);
        if (base.isEmpty()) base = "term-" + id;
        String slug = base;
        for (int n = 2;
                h.createQuery("SELECT COUNT(*) FROM " + namesTable + " WHERE language = :l AND slug = :s")
                                .bind("l", language)
                                .bind("s", slug)
                                .mapTo(Integer.class)
                                .one()
                        > 0;
                n++) {
            slug = base + "-" + n;
        }
        h.createUpdate("INSERT INTO " + namesTable + " (" + foreignKey
                        + ", language, name, slug) VALUES (:id, :l, :n, :s)")
                .bind("id", id)
                .bind("l", language)
                .bind("n", name)
                .bind("s", slug)
                .execute();
    }

    /**
     * The author of a WordPress login, named in the article's language too: a byline links to the
     * author's page by that name's slug, which must exist in that language.
     */
    long author(String key, String name, String language) {
        long id = author(key, name);
        name("author_names", "author_id", id, key, language, name);
        return id;
    }

    private long author(String key, String name) {
        String known = "authors\u0000" + key + "\u0000" + name;
        Long cached = ids.get(known);
        if (cached != null) return cached;
        long id = storeAuthor(key, name);
        ids.put(known, id);
        return id;
    }

    private long storeAuthor(String key, String name) {
        Optional<Long> id = h.createQuery("SELECT id FROM authors WHERE key = :key")
                .bind("key", key)
                .mapTo(Long.class)
                .findOne();
        if (id.isPresent()) {
            h.createUpdate("UPDATE authors SET name = :name WHERE id = :id AND name <> :name")
                    .bind("id", id.get())
                    .bind("name", name)
                    .execute();
            return id.get();
        }
        return h.createQuery("INSERT INTO authors (key, name) VALUES (:key, :name) RETURNING id")
                .bind("key", key)
                .bind("name", name)
                .mapTo(Long.class)
                .one();
    }

    /** Sets the article's tags or authors; {@code fresh}: the article was just inserted, so it has none. */
    void links(long articleId, boolean fresh, String table, String column, List<Long> ids) {
        if (!fresh)
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
}
