package org.wargeys.platform;

import java.time.Instant;

/** One line of the audit log: who did what to what, when and from where. Immutable. */
public record AuditEntry(
        long id, Instant at, String actor, String action, String target, String detail, String address) {}
