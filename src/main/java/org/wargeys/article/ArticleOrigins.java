package org.wargeys.article;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Where an article came from: the staff member who started it and, for a translation, the source
 * article and the source revision the translation was last brought up to date with. A translation
 * whose source has a newer revision is outdated. Writes happen on the use case's transaction.
 * Thread-safe.
 */
public final class ArticleOrigins {

    /** @param createdBy a user id, or null; the source fields are null for an original article */
    public record Origin(long articleId, Long createdBy, Long sourceArticleId, Integer sourceRevision) {
        public boolean isTranslation() {
            return sourceArticleId != null;
        }
    }

    private final Jdbi jdbi;

    ArticleOrigins(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void recordCreator(Handle h, long articleId, long userId) {
        h.createUpdate("INSERT INTO article_origins (article_id, created_by) VALUES (:a, :u)")
                .bind("a", articleId)
                .bind("u", userId)
                .execute();
    }

    /** Records on the caller's transaction that the article translates this revision of its source. */
    public void recordTranslation(Handle h, long articleId, Long userId, long sourceArticleId, int sourceRevision) {
        h.createUpdate("""
                        INSERT INTO article_origins (article_id, created_by, source_article_id, source_revision)
                        VALUES (:a, :u, :s, :r)""")
                .bind("a", articleId)
                .bind("u", userId)
                .bind("s", sourceArticleId)
                .bind("r", sourceRevision)
                .execute();
    }

    /** Records that the translation now reflects this revision of its source. */
    void markUpToDate(Handle h, long articleId, int sourceRevision) {
        h.createUpdate("UPDATE article_origins SET source_revision = :r WHERE article_id = :a")
                .bind("a", articleId)
                .bind("r", sourceRevision)
                .execute();
    }

    /** Records, for each block of the translation's body, the source block it was translated from. */
    void replaceSegments(Handle h, long articleId, java.util.List<String> sourceBlocks) {
        h.createUpdate("DELETE FROM translation_segments WHERE article_id = :a")
                .bind("a", articleId)
                .execute();
        for (int i = 0; i < sourceBlocks.size(); i++) {
            h.createUpdate("INSERT INTO translation_segments (article_id, position, source_html) VALUES (:a, :p, :s)")
                    .bind("a", articleId)
                    .bind("p", i)
                    .bind("s", sourceBlocks.get(i))
                    .execute();
        }
    }

    /**
     * For each block of a translation's body, the source block (HTML) it was translated from, in order;
     * empty for an article that is not a translation, or one translated before blocks were recorded.
     */
    public java.util.List<String> segments(long articleId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT source_html FROM translation_segments WHERE article_id = :a ORDER BY position")
                .bind("a", articleId)
                .mapTo(String.class)
                .list());
    }

    public Optional<Origin> find(long articleId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT article_id, created_by, source_article_id, source_revision FROM article_origins WHERE article_id = :a")
                .bind("a", articleId)
                .map((rs, ctx) -> new Origin(
                        rs.getLong(1),
                        nullable(rs.getLong(2), rs.wasNull()),
                        nullable(rs.getLong(3), rs.wasNull()),
                        rs.getObject(4) == null ? null : rs.getInt(4)))
                .findOne());
    }

    private static Long nullable(long value, boolean wasNull) {
        return wasNull ? null : value;
    }
}
