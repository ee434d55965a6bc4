package org.wargeys.account;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The append-only record of who did what in the newsroom, and when. Thread-safe. */
public final class AuditLog {

    private final Jdbi jdbi;
    private final Clock clock;

    public AuditLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * @param actor the email of the staff member, or a description ({@code "terminal"}) for commands
     * @param action a dotted code such as {@code article.publish} or {@code login.failed}
     */
    public void record(String actor, String action, String target, String detail, String address) {
        jdbi.useHandle(h -> record(h, actor, action, target, detail, address));
    }

    /** Records on the caller's transaction, so that a change and its audit line are kept or lost together. */
    void record(org.jdbi.v3.core.Handle h, String actor, String action, String target, String detail, String address) {
        h.createUpdate("""
                        INSERT INTO audit_log (at, actor, action, target, detail, address)
                        VALUES (:at, :actor, :action, :target, :detail, :address)""")
                .bind("at", clock.instant().toEpochMilli())
                .bind("actor", actor)
                .bind("action", action)
                .bind("target", target)
                .bind("detail", detail)
                .bind("address", address)
                .execute();
    }

    public List<AuditEntry> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, at, actor, action, target, detail, address FROM audit_log ORDER BY at DESC, id DESC LIMIT :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> new AuditEntry(
                        rs.getLong(1),
                        java.time.Instant.ofEpochMilli(rs.getLong(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list());
    }
}
