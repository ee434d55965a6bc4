package org.wargeys.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.platform.Transactions;

/**
 * Unsaved changes to articles that are not drafts. A draft's autosave goes onto the draft itself; an
 * article in review, scheduled or live must not change before its writer says so, so the editor's
 * autosave keeps the writer's fields here instead, one copy per article and person, until they press
 * Update (which saves the article and spends the copy in the same transaction) or come back to it.
 * Thread-safe.
 */
public final class ArticleAutosaves {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A kept copy: the editor's fields as they were posted, and the article revision they were made on.
     */
    public record Copy(long articleId, long userId, int baseRevision, Map<String, String> fields, Instant savedAt) {}

    private final Jdbi jdbi;
    private final Transactions transactions;
    private final Clock clock;

    ArticleAutosaves(Jdbi jdbi, Transactions transactions, Clock clock) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Keeps (or replaces) this person's copy of their changes to the article; one transaction. */
    public Copy keep(long articleId, long userId, int baseRevision, Map<String, String> fields) {
        String json;
        try {
            json = JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        Instant now = clock.instant();
        transactions.run(tx -> {
            discard(tx.handle(), articleId, userId);
            tx.handle()
                    .createUpdate("""
                            INSERT INTO article_autosaves (article_id, user_id, base_revision, fields, saved_at)
                            VALUES (:a, :u, :r, :f, :at)""")
                    .bind("a", articleId)
                    .bind("u", userId)
                    .bind("r", baseRevision)
                    .bind("f", json)
                    .bind("at", now.toEpochMilli())
                    .execute();
        });
        return new Copy(articleId, userId, baseRevision, Map.copyOf(fields), now);
    }

    public Optional<Copy> find(long articleId, long userId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT base_revision, fields, saved_at FROM article_autosaves
                        WHERE article_id = :a AND user_id = :u""")
                .bind("a", articleId)
                .bind("u", userId)
                .map((rs, ctx) -> new Copy(
                        articleId, userId, rs.getInt(1), fields(rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3))))
                .findOne());
    }

    /** Drops this person's copy (they saved the article for real, or threw their changes away). */
    public void discard(long articleId, long userId) {
        transactions.run(tx -> discard(tx.handle(), articleId, userId));
    }

    static void discard(Handle h, long articleId, long userId) {
        h.createUpdate("DELETE FROM article_autosaves WHERE article_id = :a AND user_id = :u")
                .bind("a", articleId)
                .bind("u", userId)
                .execute();
    }

    private static Map<String, String> fields(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
