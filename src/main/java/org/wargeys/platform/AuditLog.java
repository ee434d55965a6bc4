package org.wargeys.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The append-only record of who did what in the newsroom, and when. A change records its line on the
 * change's own transaction, so the two are kept or lost together. Thread-safe.
 */
public final class AuditLog {

    private final Jdbi jdbi;
    private final Clock clock;

    public AuditLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Records on the use case's transaction.
     *
     * @param action a dotted code such as {@code article.publish} or {@code login.failed}
     */
    public void record(Tx tx, Actor actor, String action, String target, String detail) {
        record(tx.handle(), actor, action, target, detail);
    }

    /** Records an event that changes nothing else (a sign-in, a refused attempt) in a statement of its own. */
    public void record(Actor actor, String action, String target, String detail) {
        jdbi.useHandle(h -> record(h, actor, action, target, detail));
    }

    private void record(Handle h, Actor actor, String action, String target, String detail) {
        h.createUpdate("""
                        INSERT INTO audit_log (at, actor, action, target, detail, address)
                        VALUES (:at, :actor, :action, :target, :detail, :address)""")
                .bind("at", clock.instant().toEpochMilli())
                .bind("actor", actor.name())
                .bind("action", action)
                .bind("target", target)
                .bind("detail", detail)
                .bind("address", actor.address())
                .execute();
    }

    /**
     * One page of the log, newest first, with keyset pagination on (time, id): a page far back costs
     * what the first one does.
     *
     * @param filter what to show; null or empty fields do not filter
     * @param before only lines older than this one (the next page), or null
     * @param after only lines newer than this one (the previous page), or null; wins over {@code before}
     * @param limit at most this many lines
     */
    public List<AuditEntry> page(Filter filter, Position before, Position after, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        java.util.Map<String, Object> binds = new java.util.LinkedHashMap<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            where.append(" AND actor = :actor");
            binds.put("actor", filter.actor());
        }
        if (filter.target() != null && !filter.target().isBlank()) {
            where.append(" AND target = :target");
            binds.put("target", filter.target());
        }
        if (filter.actions() != null && !filter.actions().isEmpty()) {
            where.append(" AND (");
            for (int i = 0; i < filter.actions().size(); i++) {
                String prefix = filter.actions().get(i);
                if (i > 0) where.append(" OR ");
                // A code ending in a dot names a family of actions ("article."); otherwise one action.
                if (prefix.endsWith(".")) {
                    where.append("action LIKE :action").append(i).append(" ESCAPE '!'");
                    binds.put(
                            "action" + i,
                            prefix.replace("!", "!!").replace("_", "!_").replace("%", "!%") + "%");
                } else {
                    where.append("action = :action").append(i);
                    binds.put("action" + i, prefix);
                }
            }
            where.append(")");
        }
        if (filter.from() != null) {
            where.append(" AND at >= :from");
            binds.put("from", filter.from().toEpochMilli());
        }
        if (filter.until() != null) {
            where.append(" AND at < :until");
            binds.put("until", filter.until().toEpochMilli());
        }
        boolean backwards = after != null;
        Position cursor = backwards ? after : before;
        if (cursor != null) {
            where.append(backwards ? " AND (at, id) > (:cat, :cid)" : " AND (at, id) < (:cat, :cid)");

            binds.put("cat", cursor.at().toEpochMilli());
            binds.put("cid", cursor.id());
        }
        String order = backwards ? " ORDER BY at ASC, id ASC" : " ORDER BY at DESC, id DESC";
        List<AuditEntry> lines = jdbi.withHandle(h -> {
            var query = h.createQuery("SELECT id, at, actor, action, target, detail, address FROM audit_log" + where
                    + order + " LIMIT :limit");
            binds.forEach(query::bind);
            return query.bind("limit", limit).map((rs, ctx) -> map(rs)).list();
        });
        if (!backwards) return lines;
        List<AuditEntry> newestFirst = new java.util.ArrayList<>(lines);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** What the audit log page shows: one actor, some actions (codes or families ending in a dot), a time range. */
    public record Filter(String actor, List<String> actions, String target, Instant from, Instant until) {
        public static final Filter ALL = new Filter(null, List.of(), null, null, null);
    }

    /** Where a page of the log starts or ends: a line's time and id. */
    public record Position(Instant at, long id) {
        public static Position of(AuditEntry entry) {
            return new Position(entry.at(), entry.id());
        }
    }

    /** The newest line about a target ({@code article:12}), if any. */
    public java.util.Optional<AuditEntry> last(String target) {
        return page(new Filter(null, List.of(), target, null, null), null, null, 1).stream()
                .findFirst();
    }

    private static AuditEntry map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AuditEntry(
                rs.getLong(1),
                Instant.ofEpochMilli(rs.getLong(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7));
    }

    public List<AuditEntry> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, at, actor, action, target, detail, address FROM audit_log ORDER BY at DESC, id DESC LIMIT :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> new AuditEntry(
                        rs.getLong(1),
                        Instant.ofEpochMilli(rs.getLong(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list());
    }
}
