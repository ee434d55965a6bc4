package org.wargeys.article;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.platform.Tx;

/**
 * The journal of article changes readers can see ({@code article_changes}): every {@link ArticleEvent}
 * is written here on the change's own transaction, then announced. What keeps a copy of the articles
 * outside the database (the search index) replays the journal from the last entry it applied, so it
 * catches up after a crash between the commit and its own write, after a lost line to the other nodes,
 * and with the changes a terminal command made. Thread-safe.
 */
public final class ArticleJournal {

    /** How long entries are kept; a copy further behind than this is rebuilt whole. */
    static final Duration KEPT = Duration.ofDays(14);

    /** One journal entry: which article changed. */
    public record Entry(long id, long articleId) {}

    private final Jdbi jdbi;
    private final Clock clock;

    ArticleJournal(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Writes the event's entry on the change's transaction and announces the event after the commit. */
    void announce(Tx tx, ArticleEvent event) {
        record(tx, List.of(event.articleId()));
        tx.announce(event);
    }

    /** Entries for many articles at once (an import), on the caller's transaction. */
    public void record(Tx tx, List<Long> articleIds) {
        record(tx.handle(), articleIds);
    }

    /** Entries on a transaction the caller manages itself (the importer's, which may be a dry run). */
    public void record(org.jdbi.v3.core.Handle h, List<Long> articleIds) {
        var batch = h.prepareBatch("INSERT INTO article_changes (article_id, changed_at) VALUES (:article, :at)");
        long now = clock.instant().toEpochMilli();
        for (long id : articleIds) batch.bind("article", id).bind("at", now).add();
        if (!articleIds.isEmpty()) batch.execute();
    }

    /**
     * Entries after {@code afterId}, oldest first, at most {@code limit}. Also entries a little below
     * it: on PostgreSQL an entry's id is taken before its transaction commits, so a lower id can become
     * visible after a higher one was read; re-applying an entry is harmless.
     */
    public List<Entry> since(long afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, article_id FROM article_changes WHERE id > :from ORDER BY id LIMIT :limit")
                .bind("from", Math.max(0, afterId - REREAD))
                .bind("limit", limit)
                .map((rs, ctx) -> new Entry(rs.getLong(1), rs.getLong(2)))
                .list());
    }

    /** How far below the last applied id entries are read again. */
    public static final long REREAD = 100;

    /** The highest entry id, 0 for none. */
    public long last() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(id), 0) FROM article_changes")
                .mapTo(Long.class)
                .one());
    }

    /** The lowest entry id still kept, or 0 for none: a copy that applied less than this is too far behind. */
    public long first() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MIN(id), 0) FROM article_changes")
                .mapTo(Long.class)
                .one());
    }

    /** Drops entries older than {@link #KEPT}; returns how many. */
    int prune() {
        long before = clock.instant().minus(KEPT).toEpochMilli();
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM article_changes WHERE changed_at < :before")
                .bind("before", before)
                .execute());
    }
}
