package org.wargeys.importer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The importer's own bookkeeping, on the one handle of the import's transaction: which source item
 * became which article (and which featured image the import gave it), which source translation group
 * became which group, old addresses (redirects), Social Snap share counts, the attachments
 * ({@code media_files}) and the finished runs. Not thread-safe: one per import.
 */
final class ImportRecords {

    /** The mapping row of an item imported before. */
    record Known(long articleId, String contentHash) {}

    /** An attachment as recorded: its old address, its copy (or null), and the library image made from it (or null). */
    record Attachment(String url, String storedPath, String alt, String caption, String language, Long mediaId) {}

    private final Handle h;

    ImportRecords(Handle h) {
        this.h = h;
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
            Long featured,
            boolean known) {
        // An update, not a new row: the row also remembers which featured image the import applied.
        int updated = !known
                ? 0
                : h.createUpdate("""
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

    Optional<Long> translationGroup(String source, String key) {
        return h.createQuery(
                        "SELECT translation_group_id FROM imported_translation_groups WHERE source = :s AND group_key = :k")
                .bind("s", source)
                .bind("k", key)
                .mapTo(Long.class)
                .findOne();
    }

    /** Remembers that the source's translation group {@code key} became the site's group {@code groupId}. */
    void translationGroup(String source, String key, long groupId) {
        h.createUpdate(
                        "INSERT INTO imported_translation_groups (source, group_key, translation_group_id) VALUES (:s, :k, :g)")
                .bind("s", source)
                .bind("k", key)
                .bind("g", groupId)
                .execute();
    }

    /** Sets the article's old addresses; {@code fresh}: the article was just inserted, so it has none. */
    void redirects(long articleId, boolean fresh, List<String> oldPaths) {
        if (!fresh)
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

    void shareCounts(long articleId, boolean fresh, Map<String, Long> counts) {
        if (!fresh)
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
