package org.wargeys.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.account.Tokens;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditLog;
import org.wargeys.platform.Hashes;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.Transactions;
import org.wargeys.platform.ValidationException;

/**
 * Content keys: what an app or a partner sends with its Content API requests ({@code X-Api-Key}),
 * made by administrators, each with its own rate limit. Optional unless the site requires them. The
 * live keys are held in memory by hash, so the cached path checks one without the database; every
 * node reloads them when one changes ({@link ContentKeysChanged}) and every minute. Thread-safe.
 */
public final class ContentKeys {

    public static final String PREFIX = "wgk_";

    /** A key as stored (never the key itself). */
    public record Key(long id, String name, int perMinute, String createdBy, Instant createdAt, Instant revokedAt) {}

    /** A new key and its value, shown once. */
    public record Created(Key key, String value) {}

    private final Jdbi jdbi;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;
    private final int defaultPerMinute;
    private final AtomicReference<Map<String, Key>> live = new AtomicReference<>();

    ContentKeys(Jdbi jdbi, Transactions transactions, AuditLog audit, Clock clock, int defaultPerMinute) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.defaultPerMinute = defaultPerMinute;
    }

    public Created create(String name, Integer perMinute, Actor actor) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) throw ValidationException.of("name", "token.error.name_required");
        if (clean.length() > AccessTokens.MAX_NAME) {
            throw ValidationException.of("name", "token.error.name_too_long", Map.of("max", AccessTokens.MAX_NAME));
        }
        int limit = perMinute == null ? defaultPerMinute : perMinute;
        if (limit < 1 || limit > 1_000_000) throw ValidationException.of("per_minute", "token.error.per_minute");
        String value = PREFIX + Tokens.random();
        long id = transactions.write(tx -> {
            long created = tx.handle()
                    .createQuery("""
                            INSERT INTO api_content_keys (name, key_hash, per_minute, created_by, created_at)
                            VALUES (:name, :hash, :limit, :by, :now) RETURNING id""")
                    .bind("name", clean)
                    .bind("hash", Hashes.sha256(value))
                    .bind("limit", limit)
                    .bind("by", actor.name())
                    .bind("now", clock.millis())
                    .mapTo(Long.class)
                    .one();
            audit.record(tx, actor, "content_key.create", "content_key:" + created, clean);
            tx.announce(new ContentKeysChanged(created));
            return created;
        });
        return new Created(all().stream().filter(k -> k.id() == id).findFirst().orElseThrow(), value);
    }

    public void revoke(long id, Actor actor) {
        transactions.run(tx -> {
            int changed = tx.handle()
                    .createUpdate("UPDATE api_content_keys SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                    .bind("now", clock.millis())
                    .bind("id", id)
                    .execute();
            if (changed == 0) throw new NotFoundException("No live content key " + id);
            audit.record(tx, actor, "content_key.revoke", "content_key:" + id, null);
            tx.announce(new ContentKeysChanged(id));
        });
    }

    /** The live key a request names, from memory. */
    Optional<Key> find(String value) {
        if (value == null || value.length() > 100) return Optional.empty();
        Map<String, Key> keys = live.get();
        if (keys == null) keys = reload();
        return Optional.ofNullable(keys.get(Hashes.sha256(value)));
    }

    /** Reads the live keys again (a key changed here or on another node; every minute). */
    Map<String, Key> reload() {
        Map<String, Key> keys = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT key_hash, id, name, per_minute, created_by, created_at FROM api_content_keys
                        WHERE revoked_at IS NULL""")
                .map((rs, ctx) -> Map.entry(
                        rs.getString(1),
                        new Key(
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getInt(4),
                                rs.getString(5),
                                Instant.ofEpochMilli(rs.getLong(6)),
                                null)))
                .forEach(e -> keys.put(e.getKey(), e.getValue())));
        Map<String, Key> snapshot = Map.copyOf(keys);
        live.set(snapshot);
        return snapshot;
    }

    /** Every key, newest first (for administrators). */
    public List<Key> all() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, name, per_minute, created_by, created_at, revoked_at FROM api_content_keys
                        ORDER BY id DESC LIMIT 500""")
                .map((rs, ctx) -> new Key(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5)),
                        rs.getObject(6) == null ? null : Instant.ofEpochMilli(rs.getLong(6))))
                .list());
    }
}
