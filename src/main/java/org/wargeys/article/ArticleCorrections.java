package org.wargeys.article;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditLog;
import org.wargeys.platform.Transactions;
import org.wargeys.platform.ValidationException;

/**
 * Corrections and updates to published articles. Adding one also moves the article's modified date,
 * so pages, structured data and feeds show that it changed; a live article announces it
 * ({@link CorrectionAdded}). Thread-safe.
 */
public final class ArticleCorrections {

    static final int MAX_NOTE = 2_000;

    private final Jdbi jdbi;
    private final Transactions transactions;
    private final ArticleService articles;
    private final ArticleJournal journal;
    private final AuditLog audit;
    private final Clock clock;

    ArticleCorrections(
            Jdbi jdbi,
            Transactions transactions,
            ArticleService articles,
            ArticleJournal journal,
            AuditLog audit,
            Clock clock) {
        this.journal = journal;
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.articles = articles;
        this.audit = audit;
        this.clock = clock;
    }

    public Correction add(long articleId, String note, Actor actor) {
        if (note == null || note.isBlank()) throw ValidationException.of("note", "article.error.correction_required");
        if (note.length() > MAX_NOTE) {
            throw ValidationException.of("note", "article.error.correction_too_long", Map.of("max", MAX_NOTE));
        }
        String text = note.strip();
        Instant now = clock.instant();
        return transactions.write(tx -> {
            Article article = articles.find(tx.handle(), articleId);
            ArticleRepository.touch(tx.handle(), articleId, now);
            long id = tx.handle()
                    .createQuery("""
                            INSERT INTO article_corrections (article_id, note, corrected_at, added_by)
                            VALUES (:a, :note, :now, :by) RETURNING id""")
                    .bind("a", articleId)
                    .bind("note", text)
                    .bind("now", now.toEpochMilli())
                    .bind("by", actor.name())
                    .mapTo(Long.class)
                    .one();
            audit.record(tx, actor, "article.correct", ArticleService.target(article), text);
            if (article.isPublished()) {
                journal.announce(
                        tx, new CorrectionAdded(article.id(), article.translationGroupId(), article.language(), id));
            }
            return new Correction(id, articleId, text, now, actor.name());
        });
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
