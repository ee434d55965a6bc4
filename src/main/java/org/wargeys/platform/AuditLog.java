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
