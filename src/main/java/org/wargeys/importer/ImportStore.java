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
 * The importer's writes, all on the one handle of the import's transaction: articles and their
 * revisions, taxonomy terms, the source-to-article mapping, redirects, share counts, media and
 * featured images (through the media library, on this same handle).
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

    /** The mapping row of an item imported before. */
    record Known(long articleId, String contentHash) {}

    /** An attachment as recorded: its old address, its copy (or null), and the library image made from it (or null). */
    record Attachment(String url, String storedPath, String alt, String caption, String language, Long mediaId) {}

    private final Handle h;
    private final MediaService library;

    ImportStore(Handle h, MediaService library) {
        this.h = h;
        this.library = library;
    }

    Optional<Known> known(String source, long sourceId) {
        return h.createQuery(
                        "SELECT article_id, content_hash FROM imported_items WHERE source = :s AND source_id = :id")
                .bind("s", source)
                .bind("id", sourceId)
                .map((rs, ctx) -> new Known(rs.getLong(1), rs.getString(2)))
                .findOne();
    }

    void remember(
            String source,
            long sourceId,
            String guid,
            String kind,
            long articleId,
            String hash,
            boolean sticky,
            Long featured) {
        // An update, not a new row: the row also remembers which featured image the import applied.
        int updated = h.createUpdate("""
                        UPDATE imported_items SET guid = :guid, kind = :kind, article_id = :article, content_hash = :hash,
                            sticky = :sticky, featured_source_id = :featured
                        WHERE source = :s AND source_id = :id""")
                .bind("s", source)
                .bind("id", sourceId)
                .bind("guid", guid)
                .bind("kind", kind)
                .bind("article", articleId)
                .bind("hash", hash)
                .bind("sticky", sticky ? 1 : 0)
                .bind("featured", featured)
                .execute();
        if (updated > 0) return;
        h.createUpdate("""
                        INSERT INTO imported_items (source, source_id, guid, kind, article_id, content_hash, sticky, featured_source_id)
                        VALUES (:s, :id, :guid, :kind, :article, :hash, :sticky, :featured)""")
                .bind("s", source)
                .bind("id", sourceId)
                .bind("guid", guid)
                .bind("kind", kind)
                .bind("article", articleId)
                .bind("hash", hash)
                .bind("sticky", sticky ? 1 : 0)
                .bind("featured", featured)
                .execute();
    }

    /** The library image the import last made the item's featured image, if any. */
    Optional<Long> featuredApplied(String source, long sourceId) {
        return h.createQuery("SELECT featured_media_id FROM imported_items WHERE source = :s AND source_id = :id")
                .bind("s", source)
                .bind("id", sourceId)
                .mapTo(Long.class)
                .findOne();
    }

    void featuredApplied(String source, long sourceId, Long mediaId) {
        h.createUpdate("UPDATE imported_items SET featured_media_id = :m WHERE source = :s AND source_id = :id")
                .bind("s", source)
                .bind("id", sourceId)
                .bind("m", mediaId)
                .execute();
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

    Optional<Long> translationGroup(String source, String key) {
        return h.createQuery(
                        "SELECT translation_group_id FROM imported_translation_groups WHERE source = :s AND group_key = :k")
                .bind("s", source)
                .bind("k", key)
                .mapTo(Long.class)
                .findOne();
    }

    long newTranslationGroup(String source, String key, String sourceLanguage, Instant now) {
        long id = h.createQuery(
                        "INSERT INTO translation_groups (source_language, created_at) VALUES (:lang, :now) RETURNING id")
                .bind("lang", sourceLanguage)
                .bind("now", now.toEpochMilli())
                .mapTo(Long.class)
                .one();
        if (key != null) {
            h.createUpdate(
                            "INSERT INTO imported_translation_groups (source, group_key, translation_group_id) VALUES (:s, :k, :g)")
                    .bind("s", source)
                    .bind("k", key)
                    .bind("g", id)
                    .execute();
        }
        return id;
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
        long id = h.createQuery("SELECT id FROM " + table + " WHERE key = :key")
                .bind("key", key)
                .mapTo(Long.class)
                .findOne()
                .orElseGet(() -> h.createQuery("INSERT INTO " + table + " (key) VALUES (:key) RETURNING id")
                        .bind("key", key)
                        .mapTo(Long.class)
                        .one());
        Optional<String> current = h.createQuery(
                        "SELECT name FROM " + namesTable + " WHERE " + foreignKey + " = :id AND language = :l")
                .bind("id", id)
                .bind("l", language)
                .mapTo(String.class)
                .findOne();
        if (current.isPresent() && current.get().equals(name)) return id;
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
        return id;
    }

    long author(String key, String name) {
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

    void links(long articleId, String table, String column, List<Long> ids) {
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

    void redirects(long articleId, List<String> oldPaths) {
        h.createUpdate("DELETE FROM redirects WHERE article_id = :id")
                .bind("id", articleId)
                .execute();
        for (String path : oldPaths) {
            h.createUpdate("DELETE FROM redirects WHERE old_path = :p")
                    .bind("p", path)
                    .execute();
            h.createUpdate("INSERT INTO redirects (old_path, article_id) VALUES (:p, :a)")
                    .bind("p", path)
                    .bind("a", articleId)
                    .execute();
        }
    }

    void redirectToPath(String oldPath, String target) {
        h.createUpdate("DELETE FROM redirects WHERE old_path = :p")
                .bind("p", oldPath)
                .execute();
        h.createUpdate("INSERT INTO redirects (old_path, target_path) VALUES (:p, :t)")
                .bind("p", oldPath)
                .bind("t", target)
                .execute();
    }

    void shareCounts(long articleId, Map<String, Long> counts) {
        h.createUpdate("DELETE FROM imported_share_counts WHERE article_id = :id")
                .bind("id", articleId)
                .execute();
        counts.forEach((network, count) -> h.createUpdate(
                        "INSERT INTO imported_share_counts (article_id, network, count) VALUES (:a, :n, :c)")
                .bind("a", articleId)
                .bind("n", network)
                .bind("c", count)
                .execute());
    }

    void media(
            String source,
            long sourceId,
            long parentId,
            String url,
            String storedPath,
            String contentType,
            String title,
            String alt,
            String caption,
            String language) {
        // The library image made from the attachment stays linked while the attachment has the same
        // address (so the same file), also through an import run without the uploads folder.
        Long libraryImage = h.createQuery(
                        "SELECT media_id FROM media_files WHERE source = :s AND source_id = :id AND original_url = :url")
                .bind("s", source)
                .bind("id", sourceId)
                .bind("url", url)
                .mapTo(Long.class)
                .findOne()
                .orElse(null);
        h.createUpdate("DELETE FROM media_files WHERE source = :s AND source_id = :id")
                .bind("s", source)
                .bind("id", sourceId)
                .execute();
        h.createUpdate("""
                        INSERT INTO media_files (source, source_id, parent_id, original_url, stored_path, content_type, title,
                            alt, caption, language, media_id)
                        VALUES (:s, :id, :parent, :url, :stored, :type, :title, :alt, :caption, :language, :media)""")
                .bind("s", source)
                .bind("id", sourceId)
                .bind("parent", parentId)
                .bind("url", url)
                .bind("stored", storedPath)
                .bind("type", contentType)
                .bind("title", title)
                .bind("alt", alt)
                .bind("caption", caption)
                .bind("language", language)
                .bind("media", libraryImage)
                .execute();
    }

    Optional<Attachment> attachment(String source, long sourceId) {
        return h.createQuery(
                        "SELECT original_url, stored_path, alt, caption, language, media_id FROM media_files WHERE source = :s AND source_id = :id")
                .bind("s", source)
                .bind("id", sourceId)
                .map((rs, ctx) -> {
                    long media = rs.getLong(6);
                    Long mediaId = rs.wasNull() ? null : media;
                    return new Attachment(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            mediaId);
                })
                .findOne();
    }

    /** Links an attachment to the library image made from it, so later imports reuse that image. */
    void libraryImage(String source, long sourceId, long mediaId) {
        h.createUpdate("UPDATE media_files SET media_id = :m WHERE source = :s AND source_id = :id")
                .bind("s", source)
                .bind("id", sourceId)
                .bind("m", mediaId)
                .execute();
    }

    /** Attachment URLs, either the listed ids or, when none are listed, those attached to the parent post. */
    List<String> galleryImages(String source, long parent, List<Long> ids) {
        if (!ids.isEmpty()) {
            return ids.stream()
                    .flatMap(id -> h
                            .createQuery(
                                    "SELECT COALESCE(stored_path, original_url) FROM media_files WHERE source = :s AND source_id = :id")
                            .bind("s", source)
                            .bind("id", id)
                            .mapTo(String.class)
                            .findOne()
                            .stream())
                    .toList();
        }
        return h.createQuery(
                        "SELECT COALESCE(stored_path, original_url) FROM media_files WHERE source = :s AND parent_id = :p ORDER BY source_id")
                .bind("s", source)
                .bind("p", parent)
                .mapTo(String.class)
                .list();
    }

    void runFinished(String source, String fileName, Instant started, Instant finished, ImportReport r) {
        h.createUpdate("""
                        INSERT INTO import_runs (source, file_name, started_at, finished_at, imported, updated, unchanged, skipped)
                        VALUES (:s, :f, :st, :fi, :i, :u, :un, :sk)""")
                .bind("s", source)
                .bind("f", fileName)
                .bind("st", started.toEpochMilli())
                .bind("fi", finished.toEpochMilli())
                .bind("i", r.imported())
                .bind("u", r.updated())
                .bind("un", r.unchanged())
                .bind("sk", r.skipped().size())
                .execute();
    }
}
