package org.wargeys.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditLog;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.Transactions;
import org.wargeys.platform.ValidationException;

/**
 * Webhook endpoints and their delivery log: register, change, pause, resume and delete an endpoint,
 * redeliver an event, read the log. Each change is one transaction with its audit line. Who may
 * (administrators) is the newsroom's check. Thread-safe.
 */
public final class WebhookEndpoints {

    static final int MAX_DESCRIPTION = 200;
    static final String COLUMNS = """
            id, url, description, events, secret, owner_id, owner_email, created_at, failing_since, paused_at,
            paused_reason""";

    private final Jdbi jdbi;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Targets targets;
    private final Clock clock;

    WebhookEndpoints(Jdbi jdbi, Transactions transactions, AuditLog audit, Targets targets, Clock clock) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.audit = audit;
        this.targets = targets;
        this.clock = clock;
    }

    /** Registers an endpoint owned by the actor; its signing secret is made here. */
    public Endpoint register(String url, String description, Set<EventType> events, Actor actor) {
        String clean = check(url, description, events);
        String secret = Signature.newSecret();
        long id = transactions.write(tx -> {
            long created = tx.handle()
                    .createQuery("""
                            INSERT INTO webhook_endpoints (url, description, events, secret, owner_id, owner_email, created_at)
                            VALUES (:url, :description, :events, :secret, :owner, :email, :now) RETURNING id""")
                    .bind("url", clean)
                    .bind("description", blankToNull(description))
                    .bind("events", Endpoint.format(events))
                    .bind("secret", secret)
                    .bind("owner", actor.userId())
                    .bind("email", actor.name())
                    .bind("now", clock.millis())
                    .mapTo(Long.class)
                    .one();
            audit.record(tx, actor, "webhook.register", "webhook:" + created, clean + " " + Endpoint.format(events));
            return created;
        });
        return find(id);
    }

    public Endpoint update(long id, String url, String description, Set<EventType> events, Actor actor) {
        find(id);
        String clean = check(url, description, events);
        transactions.run(tx -> {
            tx.handle()
                    .createUpdate(
                            "UPDATE webhook_endpoints SET url = :url, description = :description, events = :events WHERE id = :id")
                    .bind("url", clean)
                    .bind("description", blankToNull(description))
                    .bind("events", Endpoint.format(events))
                    .bind("id", id)
                    .execute();
            audit.record(tx, actor, "webhook.update", "webhook:" + id, clean + " " + Endpoint.format(events));
        });
        return find(id);
    }

    public void delete(long id, Actor actor) {
        Endpoint endpoint = find(id);
        transactions.run(tx -> {
            // Its deliveries first, then the endpoint: the order the worker locks them in (a delivery,
            // then its endpoint's failure state). The cascade alone took the endpoint first, and a
            // worker recording an attempt at that moment deadlocked with it on PostgreSQL.
            tx.handle()
                    .createUpdate("DELETE FROM webhook_deliveries WHERE endpoint_id = :id")
                    .bind("id", id)
                    .execute();
            tx.handle()
                    .createUpdate("DELETE FROM webhook_endpoints WHERE id = :id")
                    .bind("id", id)
                    .execute();
            audit.record(tx, actor, "webhook.delete", "webhook:" + id, endpoint.url());
        });
    }

    /** Stops deliveries to the endpoint (they wait, queued, until it is resumed). */
    public Endpoint pause(long id, Actor actor) {
        find(id);
        transactions.run(tx -> {
            tx.handle()
                    .createUpdate(
                            "UPDATE webhook_endpoints SET paused_at = :now, paused_reason = 'manual' WHERE id = :id AND paused_at IS NULL")
                    .bind("now", clock.millis())
                    .bind("id", id)
                    .execute();
            audit.record(tx, actor, "webhook.pause", "webhook:" + id, "manual");
        });
        return find(id);
    }

    /** Delivers again: what waited is attempted now, and the day of failures starts afresh. */
    public Endpoint resume(long id, Actor actor) {
        find(id);
        long now = clock.millis();
        transactions.run(tx -> {
            tx.handle()
                    .createUpdate(
                            "UPDATE webhook_endpoints SET paused_at = NULL, paused_reason = NULL, failing_since = NULL WHERE id = :id")
                    .bind("id", id)
                    .execute();
            tx.handle()
                    .createUpdate(
                            "UPDATE webhook_deliveries SET next_attempt_at = :now WHERE endpoint_id = :id AND status = 'pending'")
                    .bind("now", now)
                    .bind("id", id)
                    .execute();
            audit.record(tx, actor, "webhook.resume", "webhook:" + id, null);
            tx.announce(new WebhookQueued(0));
        });
        return find(id);
    }

    /** Queues the delivery's event to its endpoint once more (same message id: receivers can tell). */
    public Delivery redeliver(long deliveryId, Actor actor) {
        long now = clock.millis();
        long id = transactions.write(tx -> {
            var original = tx.handle()
                    .createQuery("SELECT event_id, endpoint_id FROM webhook_deliveries WHERE id = :id")
                    .bind("id", deliveryId)
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .findOne()
                    .orElseThrow(() -> new NotFoundException("No delivery " + deliveryId));
            long again = tx.handle()
                    .createQuery("""
                            INSERT INTO webhook_deliveries (event_id, endpoint_id, status, attempts, next_attempt_at, created_at)
                            VALUES (:event, :endpoint, 'pending', 0, :now, :now) RETURNING id""")
                    .bind("event", original[0])
                    .bind("endpoint", original[1])
                    .bind("now", now)
                    .mapTo(Long.class)
                    .one();
            audit.record(tx, actor, "webhook.redeliver", "webhook:" + original[1], "msg_" + original[0]);
            tx.announce(new WebhookQueued(original[0]));
            return again;
        });
        return delivery(id);
    }

    public List<Endpoint> list() {
        return jdbi.withHandle(WebhookEndpoints::all);
    }

    public Endpoint find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> endpoint(rs))
                        .findOne())
                .orElseThrow(() -> new NotFoundException("No webhook endpoint " + id));
    }

    /** Every endpoint, read on the caller's handle (the outbox reads them on the change's transaction). */
    static List<Endpoint> all(Handle h) {
        return h.createQuery("SELECT " + COLUMNS + " FROM webhook_endpoints ORDER BY id")
                .map((rs, ctx) -> endpoint(rs))
                .list();
    }

    /** The endpoint's latest deliveries, newest first, each with its attempts. */
    public List<Delivery> deliveries(long endpointId, int limit) {
        return jdbi.withHandle(h -> deliveries(h, "d.endpoint_id = :id ORDER BY d.id DESC LIMIT " + limit, endpointId));
    }

    public Delivery delivery(long id) {
        return jdbi.withHandle(h -> deliveries(h, "d.id = :id", id)).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No delivery " + id));
    }

    private static List<Delivery> deliveries(Handle h, String where, long id) {
        record Row(
                long id,
                long event,
                String type,
                long endpoint,
                String status,
                int attempts,
                long next,
                long created,
                Long finished) {}
        List<Row> rows = h.createQuery("""
                        SELECT d.id, d.event_id, e.type, d.endpoint_id, d.status, d.attempts, d.next_attempt_at,
                            d.created_at, d.finished_at
                        FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id WHERE""" + " " + where)
                .bind("id", id)
                .map((rs, ctx) -> new Row(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getObject(9) == null ? null : rs.getLong(9)))
                .list();
        if (rows.isEmpty()) return List.of();
        Map<Long, List<Delivery.Attempt>> attempts = new LinkedHashMap<>();
        h.createQuery("""
                        SELECT delivery_id, id, attempted_at, duration_ms, status_code, error, response_excerpt
                        FROM webhook_attempts WHERE delivery_id IN (<ids>) ORDER BY id""")
                .bindList("ids", rows.stream().map(Row::id).toList())
                .map((rs, ctx) -> Map.entry(
                        rs.getLong(1),
                        new Delivery.Attempt(
                                rs.getLong(2),
                                Instant.ofEpochMilli(rs.getLong(3)),
                                rs.getLong(4),
                                rs.getObject(5) == null ? null : rs.getInt(5),
                                rs.getString(6),
                                rs.getString(7))))
                .forEach(e -> attempts.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return rows.stream()
                .map(r -> new Delivery(
                        r.id(),
                        r.event(),
                        r.type(),
                        r.endpoint(),
                        r.status(),
                        r.attempts(),
                        Instant.ofEpochMilli(r.next()),
                        Instant.ofEpochMilli(r.created()),
                        r.finished() == null ? null : Instant.ofEpochMilli(r.finished()),
                        attempts.getOrDefault(r.id(), List.of())))
                .toList();
    }

    /** The signed body of an event, exactly as sent. */
    Optional<String> payload(long eventId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT payload FROM webhook_events WHERE id = :id")
                .bind("id", eventId)
                .mapTo(String.class)
                .findOne());
    }

    private String check(String url, String description, Set<EventType> events) {
        ValidationException.Collector errors = ValidationException.collector();
        String clean = null;
        try {
            clean = targets.check(url).toString();
        } catch (ValidationException e) {
            errors.addAll(e);
        }
        if (events == null || events.isEmpty()) errors.add("events", "webhook.error.events_required");
        if (description != null && description.strip().length() > MAX_DESCRIPTION) {
            errors.add("description", "webhook.error.description_too_long", Map.of("max", MAX_DESCRIPTION));
        }
        errors.throwIfAny();
        return clean;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Endpoint endpoint(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Endpoint(
                rs.getLong("id"),
                rs.getString("url"),
                rs.getString("description"),
                Endpoint.parse(rs.getString("events")),
                rs.getString("secret"),
                rs.getObject("owner_id") == null ? null : rs.getLong("owner_id"),
                rs.getString("owner_email"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.getObject("failing_since") == null ? null : Instant.ofEpochMilli(rs.getLong("failing_since")),
                rs.getObject("paused_at") == null ? null : Instant.ofEpochMilli(rs.getLong("paused_at")),
                rs.getString("paused_reason"));
    }
}
