package org.wargeys.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditLog;
import org.wargeys.platform.Backoff;
import org.wargeys.platform.Database;
import org.wargeys.platform.Transactions;

/**
 * Delivers queued webhooks. A delivery is claimed with one conditional UPDATE (on PostgreSQL its row
 * is picked {@code FOR UPDATE SKIP LOCKED}), which also leases it for {@link #LEASE}: of several nodes
 * exactly one sends each delivery, and one that dies mid-send leaves it to another once the lease ends.
 * The HTTP call happens outside any transaction; its outcome is recorded in one (the attempt's log
 * line, then delivered, or retried with exponential backoff, or given up after a day). An endpoint
 * whose every attempt failed for a day is paused, the pause audited and announced. No redirect is
 * followed, and every target is checked against private addresses just before the call. Work runs on
 * this worker's own threads, started by a commit that queued deliveries and by a poll. Thread-safe;
 * close once.
 */
final class WebhookWorker implements AutoCloseable {

    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final Duration RETRY_FOR = Duration.ofHours(24);
    static final Duration PAUSE_AFTER = Duration.ofHours(24);
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofHours(6);
    static final Backoff BACKOFF = new Backoff(FIRST_RETRY, LONGEST_WAIT);
    static final int EXCERPT = 1_000;
    static final int THREADS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookWorker.class);

    private record Claimed(long id, long eventId, long endpointId, int attempts, long createdAt, long lease) {}

    private final Database database;
    private final Transactions transactions;
    private final AuditLog audit;
    private final WebhookEndpoints endpoints;
    private final Targets targets;
    private final Clock clock;
    private final HttpClient http;
    private final ExecutorService threads;
    private final AtomicInteger running = new AtomicInteger();
    private final LongAdder sent = new LongAdder();
    private volatile boolean closed;

    WebhookWorker(
            Database database,
            Transactions transactions,
            AuditLog audit,
            WebhookEndpoints endpoints,
            Targets targets,
            Clock clock) {
        this.database = database;
        this.transactions = transactions;
        this.audit = audit;
        this.endpoints = endpoints;
        this.targets = targets;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.threads = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "wargeys-webhooks");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts delivering what is due on this worker's threads, unless they are all at it already. */
    void nudge() {
        if (closed) return;
        if (running.incrementAndGet() > THREADS) {
            running.decrementAndGet();
            return;
        }
        try {
            threads.execute(() -> {
                try {
                    deliverDue();
                } catch (RuntimeException e) {
                    LOG.error("Delivering webhooks failed", e);
                } finally {
                    running.decrementAndGet();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            running.decrementAndGet();
        }
    }

    /** Delivers every due delivery, one claim at a time, on the calling thread; returns how many it sent. */
    int deliverDue() {
        int count = 0;
        while (!closed) {
            Optional<Claimed> claimed = claim();
            if (claimed.isEmpty()) break;
            deliver(claimed.get());
            count++;
        }
        return count;
    }

    /** How many HTTP attempts this node made (tests and metrics). */
    long sent() {
        return sent.sum();
    }

    long waiting() {
        return count("status IN ('pending', 'sending')");
    }

    long failed() {
        return count("status = 'failed'");
    }

    private long count(String condition) {
        return database.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM webhook_deliveries WHERE " + condition)
                        .mapTo(Long.class)
                        .one());
    }

    private Optional<Claimed> claim() {
        long now = clock.millis();
        long lease = now + LEASE.toMillis();
        String lock = database.dialect().skipLocked("d");
        return transactions.write(tx -> tx.handle()
                .createQuery("""
                        UPDATE webhook_deliveries SET status = 'sending', lease_until = :lease, attempts = attempts + 1
                        WHERE id = (SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints p ON p.id = d.endpoint_id
                            WHERE p.paused_at IS NULL AND ((d.status = 'pending' AND d.next_attempt_at <= :now)
                                OR (d.status = 'sending' AND d.lease_until < :now))
                            ORDER BY d.next_attempt_at, d.id LIMIT 1""" + lock + """
                        )
                        AND (status = 'pending' OR (status = 'sending' AND lease_until < :now))
                        RETURNING id, event_id, endpoint_id, attempts, created_at, lease_until""")
                .bind("now", now)
                .bind("lease", lease)
                .map((rs, ctx) -> new Claimed(
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getLong(5), rs.getLong(6)))
                .findOne());
    }

    private void deliver(Claimed claimed) {
        Endpoint endpoint;
        try {
            endpoint = endpoints.find(claimed.endpointId());
        } catch (org.wargeys.platform.NotFoundException deleted) {
            return; // deleted meanwhile: its deliveries went with it
        }
        String body = endpoints.payload(claimed.eventId()).orElse("{}");
        String messageId = "msg_" + claimed.eventId();
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        String excerpt = null;
        URI uri = URI.create(endpoint.url());
        Optional<String> refused = targets.refusal(uri);
        if (refused.isPresent()) {
            error = refused.get();
        } else {
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Wargeys-Webhooks/1")
                    .header("webhook-id", messageId)
                    .header("webhook-timestamp", String.valueOf(timestamp))
                    .header("webhook-signature", Signature.sign(endpoint.secret(), messageId, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            try {
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                status = response.statusCode();
                try (InputStream in = response.body()) {
                    excerpt = text(in.readNBytes(EXCERPT * 4));
                }
                sent.increment();
            } catch (IOException e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                sent.increment();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // shutting down: the lease runs out and another run retries
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        record(claimed, endpoint, status, error, excerpt, millis);
    }

    private void record(Claimed claimed, Endpoint endpoint, Integer status, String error, String excerpt, long millis) {
        boolean ok = status != null && status >= 200 && status < 300;
        long now = clock.millis();
        boolean[] paused = {false};
        transactions.run(tx -> {
            var h = tx.handle();
            boolean gone = h.createQuery("SELECT COUNT(*) FROM webhook_deliveries WHERE id = :id")
                            .bind("id", claimed.id())
                            .mapTo(Integer.class)
                            .one()
                    == 0;
            if (gone) return; // its endpoint was deleted meanwhile
            h.createUpdate("""
                            INSERT INTO webhook_attempts (delivery_id, attempted_at, duration_ms, status_code, error, response_excerpt)
                            VALUES (:delivery, :at, :millis, :status, :error, :excerpt)""")
                    .bind("delivery", claimed.id())
                    .bind("at", now)
                    .bind("millis", millis)
                    .bind("status", status)
                    .bind("error", error == null ? null : shorten(error))
                    .bind("excerpt", excerpt)
                    .execute();
            if (ok) {
                h.createUpdate("""
                                UPDATE webhook_deliveries SET status = 'delivered', finished_at = :now, lease_until = NULL
                                WHERE id = :id AND status = 'sending' AND lease_until = :lease""")
                        .bind("now", now)
                        .bind("id", claimed.id())
                        .bind("lease", claimed.lease())
                        .execute();
                h.createUpdate("UPDATE webhook_endpoints SET failing_since = NULL WHERE id = :id")
                        .bind("id", endpoint.id())
                        .execute();
                return;
            }
            boolean giveUp = now - claimed.createdAt() >= RETRY_FOR.toMillis();
            h.createUpdate("""
                            UPDATE webhook_deliveries SET status = :status, next_attempt_at = :next, lease_until = NULL,
                                finished_at = :finished
                            WHERE id = :id AND status = 'sending' AND lease_until = :lease""")
                    .bind("status", giveUp ? "failed" : "pending")
                    .bind("next", now + backoff(claimed.attempts()).toMillis())
                    .bind("finished", giveUp ? now : null)
                    .bind("id", claimed.id())
                    .bind("lease", claimed.lease())
                    .execute();
            h.createUpdate("UPDATE webhook_endpoints SET failing_since = :now WHERE id = :id AND failing_since IS NULL")
                    .bind("now", now)
                    .bind("id", endpoint.id())
                    .execute();
            int pausing = h.createUpdate("""
                            UPDATE webhook_endpoints SET paused_at = :now, paused_reason = 'failing'
                            WHERE id = :id AND paused_at IS NULL AND failing_since <= :since""")
                    .bind("now", now)
                    .bind("id", endpoint.id())
                    .bind("since", now - PAUSE_AFTER.toMillis())
                    .execute();
            if (pausing == 1) {
                paused[0] = true;
                audit.record(
                        tx,
                        Actor.SYSTEM,
                        "webhook.pause",
                        "webhook:" + endpoint.id(),
                        "every delivery to " + endpoint.url() + " failed for a day; owner " + endpoint.ownerEmail());
                tx.announce(
                        new EndpointPaused(endpoint.id(), endpoint.ownerId(), endpoint.ownerEmail(), endpoint.url()));
            }
        });
        if (paused[0]) LOG.warn("Paused webhook endpoint {} ({}): failing for a day", endpoint.id(), endpoint.url());
    }

    /** How long to wait after the {@code attempts}-th failed attempt: 30 s, doubling up to 6 hours (plus jitter). */
    static Duration backoff(int attempts) {
        return BACKOFF.after(attempts);
    }

    private static String text(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            String s = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            return s.length() > EXCERPT ? s.substring(0, EXCERPT) : s;
        } catch (java.nio.charset.CharacterCodingException e) {
            return "";
        }
    }

    private static String shorten(String s) {
        return s.length() > 500 ? s.substring(0, 500) : s;
    }

    @Override
    public void close() {
        closed = true;
        threads.shutdown();
        try {
            if (!threads.awaitTermination(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) threads.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
