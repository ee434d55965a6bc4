package org.wargeys.article;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.platform.ValidationException;

/**
 * Corrections and updates to published articles. Adding one also moves the article's modified date,
 * so pages, structured data and feeds show that it changed. Thread-safe.
 */
public final class ArticleCorrections {

    static final int MAX_NOTE = 2_000;

    private final Jdbi jdbi;
    private final ArticleService articles;
    private final Clock clock;

    public ArticleCorrections(Jdbi jdbi, ArticleService articles, Clock clock) {
        this.jdbi = jdbi;
        this.articles = articles;
        this.clock = clock;
    }

    public Correction add(long articleId, String note, String addedBy) {
        articles.find(articleId);
        if (note == null || note.isBlank()) throw ValidationException.of("note", "A correction needs a note.");
        if (note.length() > MAX_NOTE)
            throw ValidationException.of("note", "A correction note has at most " + MAX_NOTE + " characters.");
        Instant now = clock.instant();
        long id = jdbi.inTransaction(h -> {
            h.createUpdate("UPDATE articles SET updated_at = :now WHERE id = :id")
                    .bind("now", now.toEpochMilli())
                    .bind("id", articleId)
                    .execute();
            return h.createQuery("""
                            INSERT INTO article_corrections (article_id, note, corrected_at, added_by)
                            VALUES (:a, :note, :now, :by) RETURNING id""")
                    .bind("a", articleId)
                    .bind("note", note.strip())
                    .bind("now", now.toEpochMilli())
                    .bind("by", addedBy)
                    .mapTo(Long.class)
                    .one();
        });
        Article article = articles.find(articleId);
        if (article.isPublished()) articles.publish(articleId);
        return new Correction(id, articleId, note.strip(), now, addedBy);
    }

    /** Oldest first, as they read at the end of an article. */
    public List<Correction> of(long articleId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, article_id, note, corrected_at, added_by FROM article_corrections WHERE article_id = :a ORDER BY corrected_at, id")
                .bind("a", articleId)
                .map((rs, ctx) -> new Correction(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)),
                        rs.getString(5)))
                .list());
    }
}
