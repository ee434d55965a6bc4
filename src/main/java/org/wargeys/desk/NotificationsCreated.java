package org.wargeys.desk;

import java.util.List;

/**
 * Notifications were written (their ids), announced after the commit. What else tells staff — the
 * mailer of issue 16 — subscribes here, or reads the rows not yet mailed
 * ({@link Notifications#unmailed}). Only this node hears it; the rows are the record.
 */
public record NotificationsCreated(List<Long> ids) {
    public NotificationsCreated {
        ids = List.copyOf(ids);
    }
}
