package org.wargeys.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditLog;
import org.wargeys.platform.Transactions;

/**
 * Who has an article open in the editor, one row per browser tab, kept by the editor's heartbeat. One
 * tab holds the article: its changes are the ones saved; the others see who is editing since when and
 * may take over (audited). A tab not heard from for {@link #STALE} has left. In the database, so every
 * node sees the same. Thread-safe.
 */
public final class ArticlePresence {

    /** A tab that has not beaten for this long has gone (closed, asleep, offline). */
    public static final Duration STALE = Duration.ofSeconds(45);

    /** One tab with the article open. */
    public record Editor(long userId, String tab, Instant since, boolean holding) {}

    /**
     * What one tab learns from its heartbeat: whether it holds the article, and the others.
     *
     * @param holder the tab that holds the article (this one, or another)
     */
    public record State(boolean holding, Optional<Editor> holder, List<Editor> others) {}

    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    ArticlePresence(Transactions transactions, AuditLog audit, Clock clock) {
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A tab's heartbeat: it is here; it holds the article if nobody does, or if it takes over. One
     * transaction (and an audit line for a take-over).
     *
     * @param tab the tab's own random name (letters, digits, dashes; at most 40)
     */
    public State beat(long articleId, Actor actor, String tab, boolean takeOver) {
        if (actor.userId() == null || tab == null || !tab.matches("[A-Za-z0-9-]{8,40}")) {
            throw new IllegalArgumentException("A tab of a staff member");
        }
        long now = clock.instant().toEpochMilli();
        return transactions.write(tx -> {
            var h = tx.handle();
            h.createUpdate("DELETE FROM article_editors WHERE article_id = :a AND seen_at < :stale")
                    .bind("a", articleId)
                    .bind("stale", now - STALE.toMillis())
                    .execute();
            h.createUpdate("""
                            INSERT INTO article_editors (article_id, tab, user_id, started_at, seen_at, holding)
                            VALUES (:a, :tab, :u, :now, :now, 0)
                            ON CONFLICT (article_id, tab) DO UPDATE SET seen_at = excluded.seen_at""")
                    .bind("a", articleId)
                    .bind("tab", tab)
                    .bind("u", actor.userId())
                    .bind("now", now)
                    .execute();
            boolean held = h.createQuery("SELECT COUNT(*) FROM article_editors WHERE article_id = :a AND holding = 1")
                            .bind("a", articleId)
                            .mapTo(Integer.class)
                            .one()
                    > 0;
            if (takeOver || !held) {
                h.createUpdate("UPDATE article_editors SET holding = 0 WHERE article_id = :a")
                        .bind("a", articleId)
                        .execute();
                h.createUpdate(
                                "UPDATE article_editors SET holding = 1, started_at = :now WHERE article_id = :a AND tab = :tab")
                        .bind("a", articleId)
                        .bind("tab", tab)
                        .bind("now", now)
                        .execute();
                if (takeOver && held) audit.record(tx, actor, "article.take_over", "article:" + articleId, null);
            }
            List<Editor> all = h.createQuery("""
                            SELECT user_id, tab, started_at, holding FROM article_editors WHERE article_id = :a
                            ORDER BY holding DESC, started_at""")
                    .bind("a", articleId)
                    .map((rs, ctx) -> new Editor(
                            rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getInt(4) == 1))
                    .list();
            Optional<Editor> holder = all.stream().filter(Editor::holding).findFirst();
            boolean mine = holder.map(e -> e.tab().equals(tab)).orElse(false);
            return new State(
                    mine, holder, all.stream().filter(e -> !e.tab().equals(tab)).toList());
        });
    }

    /** The tab closed the editor; if it held the article, nobody does until the next heartbeat. */
    public void leave(long articleId, String tab) {
        transactions.run(tx -> tx.handle()
                .createUpdate("DELETE FROM article_editors WHERE article_id = :a AND tab = :tab")
                .bind("a", articleId)
                .bind("tab", tab == null ? "" : tab)
                .execute());
    }
}
