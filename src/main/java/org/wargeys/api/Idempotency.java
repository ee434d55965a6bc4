package org.wargeys.api;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.platform.ConflictException;
import org.wargeys.platform.Hashes;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.StorageFailure;
import org.wargeys.platform.Transactions;
import org.wargeys.platform.ValidationException;

/**
 * {@code Idempotency-Key} on the admin API's POSTs: the key's row is written first on the use case's
 * own transaction (the service call joins it), so the change and the record of it commit together or
 * not at all. A retry with the same key and the same request gets the first answer's status and
 * resource again (its current state) without doing anything; the same key with another request is
 * refused. A concurrent twin waits for the first on the key's unique row, then replays it. Keys are
 * kept {@link #KEPT}. Thread-safe.
 */
final class Idempotency {

    static final String HEADER = "Idempotency-Key";
    static final Duration KEPT = Duration.ofHours(24);

    /** What a POST did: its status and the resource it answers with. */
    record Outcome(int status, String location, boolean replayed) {
        Outcome(int status, String location) {
            this(status, location, false);
        }
    }

    private record Stored(String requestHash, int status, String location) {}

    private final Jdbi jdbi;
    private final Transactions transactions;
    private final Clock clock;

    Idempotency(Jdbi jdbi, Transactions transactions, Clock clock) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Runs {@code work} (a service call) once per key.
     *
     * @param request what identifies the request (method, path and body), to tell a retry from a misuse
     */
    Outcome run(Context ctx, long tokenId, byte[] request, Supplier<Outcome> work) {
        String key = ctx.header(HEADER);
        if (key == null) return work.get();
        if (key.isBlank() || key.length() > 255 || !key.matches("[\\x21-\\x7e]+")) {
            throw ValidationException.of(HEADER, "api.error.idempotency_key");
        }
        String hash = Hashes.sha256(request);
        Optional<Stored> earlier = find(tokenId, key);
        if (earlier.isPresent()) return replay(earlier.get(), hash);
        try {
            return transactions.write(tx -> {
                // The same key used again after it was forgotten starts afresh.
                tx.handle()
                        .createUpdate("""
                                DELETE FROM api_idempotency
                                WHERE token_id = :token AND idempotency_key = :key AND created_at < :since""")
                        .bind("token", tokenId)
                        .bind("key", key)
                        .bind("since", clock.instant().minus(KEPT).toEpochMilli())
                        .execute();
                tx.handle()
                        .createUpdate("""
                                INSERT INTO api_idempotency (token_id, idempotency_key, request_hash, status, created_at)
                                VALUES (:token, :key, :hash, 0, :now)""")
                        .bind("token", tokenId)
                        .bind("key", key)
                        .bind("hash", hash)
                        .bind("now", clock.millis())
                        .execute();
                Outcome outcome = work.get();
                tx.handle()
                        .createUpdate("""
                                UPDATE api_idempotency SET status = :status, location = :location
                                WHERE token_id = :token AND idempotency_key = :key""")
                        .bind("status", outcome.status())
                        .bind("location", outcome.location())
                        .bind("token", tokenId)
                        .bind("key", key)
                        .execute();
                return outcome;
            });
        } catch (ValidationException | ConflictException | NotFoundException | ApiRefusal | StorageFailure e) {
            throw e;
        } catch (RuntimeException e) {
            // A twin sent at the same moment committed first: our insert hit its row. Answer as it did.
            Optional<Stored> twin = find(tokenId, key);
            if (twin.isPresent()) return replay(twin.get(), hash);
            throw e;
        }
    }

    private Outcome replay(Stored stored, String hash) {
        if (!stored.requestHash().equals(hash)) {
            throw new ApiRefusal(422, "idempotency-key-reused", "api.error.idempotency_reused");
        }
        return new Outcome(stored.status(), stored.location(), true);
    }

    private Optional<Stored> find(long tokenId, String key) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT request_hash, status, location FROM api_idempotency
                        WHERE token_id = :token AND idempotency_key = :key AND created_at >= :since""")
                .bind("token", tokenId)
                .bind("key", key)
                .bind("since", clock.instant().minus(KEPT).toEpochMilli())
                .map((rs, ctx) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3)))
                .findOne());
    }

    /** Forgets keys older than {@link #KEPT}. */
    int prune() {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM api_idempotency WHERE created_at < :before")
                .bind("before", clock.instant().minus(KEPT).toEpochMilli())
                .execute());
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
