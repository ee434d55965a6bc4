package org.wargeys.desk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.platform.Transactions;
import org.wargeys.platform.Tx;

/**
 * The bell: notifications written on the transaction of what they tell of, read and marked read by
 * their reader. Designed for a mailer to follow: {@link NotificationsCreated} after each commit, and
 * {@link #unmailed}/{@link #markMailed} over the same rows (an outbox), so a mail is never sent for a
 * change that was rolled back and none is lost to a crash. Thread-safe.
 */
public final class Notifications {

    static final String COLUMNS = "id, user_id, kind, article_id, actor_id, language, created_at, read_at";

    private final Jdbi jdbi;
    private final Transactions transactions;
    private final Clock clock;

    Notifications(Jdbi jdbi, Transactions transactions, Clock clock) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Notifies each reader once, on the caller's transaction; the one who caused it is never told.
     *
     * @return the new notifications' ids
     */
    List<Long> notify(
            Tx tx, Collection<Long> readers, NotificationKind kind, Long articleId, Long actorId, String language) {
        List<Long> ids = new ArrayList<>();
        long now = clock.instant().toEpochMilli();
        for (long reader : new LinkedHashSet<>(readers)) {
            if (actorId != null && reader == actorId) continue;
            ids.add(tx.handle()
                    .createQuery("""
                            INSERT INTO notifications (user_id, kind, article_id, actor_id, language, created_at)
                            VALUES (:user, :kind, :article, :actor, :language, :now) RETURNING id""")
                    .bind("user", reader)
                    .bind("kind", kind.code())
                    .bind("article", articleId)
                    .bind("actor", actorId)
                    .bind("language", language)
                    .bind("now", now)
                    .mapTo(Long.class)
                    .one());
        }
        if (!ids.isEmpty()) tx.announce(new NotificationsCreated(ids));
        return ids;
    }

    /** How many notifications the staff member has not read (the number on the bell). */
    public int unread(long userId) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT COUNT(*) FROM notifications WHERE user_id = :u AND read_at IS NULL")
                        .bind("u", userId)
                        .mapTo(Integer.class)
                        .one());
    }

    /** The staff member's notifications, newest first, older than {@code beforeId} (null: the newest). */
    public List<Notification> of(long userId, Long beforeId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM notifications WHERE user_id = :u AND id < :before ORDER BY id DESC LIMIT :limit")
                .bind("u", userId)
                .bind("before", beforeId == null ? Long.MAX_VALUE : beforeId)
                .bind("limit", limit)
                .map((rs, ctx) -> map(rs))
                .list());
    }

    /** Marks all of the staff member's notifications read; returns how many were unread. */
    public int markAllRead(long userId) {
        long now = clock.instant().toEpochMilli();
        return transactions.write(tx -> tx.handle()
                .createUpdate("UPDATE notifications SET read_at = :now WHERE user_id = :u AND read_at IS NULL")
                .bind("now", now)
                .bind("u", userId)
                .execute());
    }

    /** Marks one notification read, if it is the staff member's; returns it. */
    public java.util.Optional<Notification> open(long userId, long id) {
        long now = clock.instant().toEpochMilli();
        return transactions.write(tx -> {
            var h = tx.handle();
            h.createUpdate(
                            "UPDATE notifications SET read_at = :now WHERE id = :id AND user_id = :u AND read_at IS NULL")
                    .bind("now", now)
                    .bind("id", id)
                    .bind("u", userId)
                    .execute();
            return h.createQuery("SELECT " + COLUMNS + " FROM notifications WHERE id = :id AND user_id = :u")
                    .bind("id", id)
                    .bind("u", userId)
                    .map((rs, ctx) -> map(rs))
                    .findOne();
        });
    }

    /** For the mailer: notifications not yet mailed (or skipped), oldest first. */
    public List<Notification> unmailed(int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM notifications WHERE mailed_at IS NULL ORDER BY id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> map(rs))
                .list());
    }

    /** For the mailer: these were mailed (or will not be). */
    public void markMailed(Collection<Long> ids, Instant at) {
        if (ids.isEmpty()) return;
        transactions.run(tx -> tx.handle()
                .createUpdate("UPDATE notifications SET mailed_at = :at WHERE id IN (<ids>)")
                .bind("at", at.toEpochMilli())
                .bindList("ids", List.copyOf(ids))
                .execute());
    }

    static Notification map(ResultSet rs) throws SQLException {
        long article = rs.getLong(4);
        boolean noArticle = rs.wasNull();
        long actor = rs.getLong(5);
        boolean noActor = rs.wasNull();
        long read = rs.getLong(8);
        boolean unread = rs.wasNull();
        return new Notification(
                rs.getLong(1),
                rs.getLong(2),
                NotificationKind.of(rs.getString(3)),
                noArticle ? null : article,
                noActor ? null : actor,
                rs.getString(6),
                Instant.ofEpochMilli(rs.getLong(7)),
                unread ? null : Instant.ofEpochMilli(read));
    }
}
