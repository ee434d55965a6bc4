package org.wargeys.desk;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.account.AccountService;
import org.wargeys.account.User;
import org.wargeys.article.ArticleService;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditLog;
import org.wargeys.platform.Transactions;
import org.wargeys.platform.ValidationException;

/**
 * Internal notes on articles, with @mentions: the people mentioned are notified. A mention that names
 * nobody (or several people) is refused, so that nobody believes a colleague was told when they were
 * not. Notes are never public. Thread-safe.
 */
public final class Notes {

    static final int MAX = 4_000;

    private final Jdbi jdbi;
    private final Transactions transactions;
    private final Notifications notifications;
    private final AuditLog audit;
    private final AccountService accounts;
    private final ArticleService articles;
    private final Clock clock;

    Notes(
            Jdbi jdbi,
            Transactions transactions,
            Notifications notifications,
            AuditLog audit,
            AccountService accounts,
            ArticleService articles,
            Clock clock) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.notifications = notifications;
        this.audit = audit;
        this.accounts = accounts;
        this.articles = articles;
        this.clock = clock;
    }

    /** Adds a note and notifies the people it mentions, in one transaction with its audit line. */
    public Note add(long articleId, String body, Actor actor) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) throw ValidationException.of("note", "desk.error.note_required");
        if (text.length() > MAX) throw ValidationException.of("note", "desk.error.note_too_long", Map.of("max", MAX));
        articles.find(articleId);
        List<User> staff = accounts.all();
        List<Long> mentioned = new ArrayList<>();
        for (String handle : Mentions.handles(text)) {
            User user = Mentions.resolve(handle, staff)
                    .orElseThrow(() -> ValidationException.of(
                            "note", "desk.error.mention_unknown", Map.of("handle", "@" + handle)));
            mentioned.add(user.id());
        }
        long now = clock.instant().toEpochMilli();
        return transactions.write(tx -> {
            long id = tx.handle()
                    .createQuery("""
                            INSERT INTO article_notes (article_id, author_id, body, created_at)
                            VALUES (:a, :author, :body, :now) RETURNING id""")
                    .bind("a", articleId)
                    .bind("author", actor.userId())
                    .bind("body", text)
                    .bind("now", now)
                    .mapTo(Long.class)
                    .one();
            audit.record(tx, actor, "note.add", "article:" + articleId, null);
            notifications.notify(tx, mentioned, NotificationKind.MENTIONED, articleId, actor.userId(), null);
            return new Note(id, articleId, actor.userId(), text, java.time.Instant.ofEpochMilli(now));
        });
    }

    /** An article's notes, oldest first. */
    public List<Note> of(long articleId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, article_id, author_id, body, created_at FROM article_notes WHERE article_id = :a"
                                + " ORDER BY created_at, id")
                .bind("a", articleId)
                .map((rs, ctx) -> new Note(
                        rs.getLong(1),
                        rs.getLong(2),
                        Assignments.nullableLong(rs, 3),
                        rs.getString(4),
                        java.time.Instant.ofEpochMilli(rs.getLong(5))))
                .list());
    }

    /** How many notes each of these articles has (for the article list). */
    public Map<Long, Integer> counts(List<Long> articleIds) {
        if (articleIds.isEmpty()) return Map.of();
        Map<Long, Integer> counts = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery(
                        "SELECT article_id, COUNT(*) FROM article_notes WHERE article_id IN (<ids>) GROUP BY article_id")
                .bindList("ids", articleIds)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getInt(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }
}
