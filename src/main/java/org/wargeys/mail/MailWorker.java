package org.wargeys.mail;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wargeys.platform.Backoff;
import org.wargeys.platform.Database;
import org.wargeys.platform.Transactions;

/**
 * Sends queued mail, in the shape of the webhook worker: a message is claimed with one conditional
 * UPDATE (on PostgreSQL its row is picked {@code FOR UPDATE SKIP LOCKED}), which also leases it for
 * {@link #LEASE}: of several nodes exactly one sends each message, and one that dies mid-send leaves
 * it to another once the lease ends. SMTP happens outside any transaction; its outcome is recorded in
 * one: sent; refused for good (5xx: failed, and the address suppressed when the server refused the
 * recipient); or retried with exponential backoff, for two days. No more than the configured number
 * of messages leave the site a minute, all nodes together (counted from the outbox; nodes claiming at
 * the same instant may each send one more). One thread per node, one SMTP connection per run.
 * Thread-safe; close once.
 */
final class MailWorker implements AutoCloseable {

    static final Duration LEASE = Duration.ofMinutes(5);
    /** What a claim takes, in order: a message whose lease ran out (its sender died), then one due. */
    private static final java.util.List<String> DUE = java.util.List.of(
            "m.status = 'sending' AND m.lease_until < :now", "m.status = 'pending' AND m.next_attempt_at <= :now");

    static final Duration RETRY_FOR = Duration.ofDays(2);
    static final Backoff BACKOFF = new Backoff(Duration.ofMinutes(1), Duration.ofHours(4));
    private static final Logger LOG = LoggerFactory.getLogger(MailWorker.class);

    private record Claimed(long id, int attempts, long createdAt, long lease, SmtpSender.Queued message) {}

    private final Database database;
    private final Transactions transactions;
    private final MailSettings settings;
    private final Clock clock;
    private final ExecutorService thread;
    private final AtomicBoolean running = new AtomicBoolean();
    private final LongAdder attempts = new LongAdder();
    private volatile boolean closed;

    MailWorker(Database database, Transactions transactions, MailSettings settings, Clock clock) {
        this.database = database;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "wargeys-mail");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts sending what is due on this worker's thread, unless it is at it already. */
    void nudge() {
        if (closed || !settings.configured()) return;
        if (!running.compareAndSet(false, true)) return;
        try {
            thread.execute(() -> {
                try {
                    sendDue();
                } catch (RuntimeException e) {
                    LOG.error("Sending mail failed", e);
                } finally {
                    running.set(false);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            running.set(false);
        }
    }

    /**
     * Sends every due message the rate allows, one claim at a time, on the calling thread; returns how
     * many SMTP attempts it made. A run stops at the first message that could not be sent for a reason
     * other than its own (no connection): the rest would fail the same way.
     */
    int sendDue() {
        if (!settings.configured()) return 0;
        int count = 0;
        try (SmtpSender sender = new SmtpSender(settings)) {
            while (!closed) {
                Optional<Claimed> claimed = claim();
                if (claimed.isEmpty()) break;
                SmtpSender.Outcome outcome = sender.send(claimed.get().message());
                attempts.increment();
                count++;
                record(claimed.get(), outcome);
                if (outcome instanceof SmtpSender.Outcome.Failed) break;
            }
        }
        return count;
    }

    long attempts() {
        return attempts.sum();
    }

    private Optional<Claimed> claim() {
        long now = clock.millis();
        long lease = now + LEASE.toMillis();
        String lock = database.dialect().skipLocked("m");
        return transactions.write(tx -> {
            int lastMinute = tx.handle()
                    .createQuery("""
                            SELECT COUNT(*) FROM mail_outbox
                            WHERE sent_at > :since OR (status = 'sending' AND lease_until >= :now)""")
                    .bind("since", now - Duration.ofMinutes(1).toMillis())
                    .bind("now", now)
                    .mapTo(Integer.class)
                    .one();
            if (lastMinute >= settings.perMinute()) return Optional.<Claimed>empty();
            // Two picks, each a walk down the (status, next_attempt_at) index, instead of one over an OR
            // that SQLite sorts in full for every message (a 100,000-message digest made each claim
            // sort every waiting row): first a message whose sender died (few), then the next due one.
            Optional<Claimed> claimed = Optional.empty();
            for (String due : DUE) {
                claimed = tx.handle()
                        .createQuery("UPDATE mail_outbox SET status = 'sending', lease_until = :lease,"
                                + " attempts = attempts + 1"
                                + " WHERE id = (SELECT m.id FROM mail_outbox m WHERE " + due
                                + " ORDER BY m.next_attempt_at, m.id LIMIT 1" + lock + ")"
                                + " AND (status = 'pending' OR (status = 'sending' AND lease_until < :now))"
                                + " RETURNING id, attempts, created_at, lease_until, recipient, language, subject,"
                                + " text_body, html_body, headers, message_id")
                        .bind("now", now)
                        .bind("lease", lease)
                        .map((rs, ctx) -> new Claimed(
                                rs.getLong("id"),
                                rs.getInt("attempts"),
                                rs.getLong("created_at"),
                                rs.getLong("lease_until"),
                                new SmtpSender.Queued(
                                        rs.getString("recipient"),
                                        rs.getString("language"),
                                        rs.getString("subject"),
                                        rs.getString("text_body"),
                                        rs.getString("html_body"),
                                        rs.getString("headers"),
                                        rs.getString("message_id"))))
                        .findOne();
                if (claimed.isPresent()) break;
            }
            return claimed;
        });
    }

    private void record(Claimed claimed, SmtpSender.Outcome outcome) {
        long now = clock.millis();
        transactions.run(tx -> {
            var h = tx.handle();
            if (outcome instanceof SmtpSender.Outcome.Sent) {
                h.createUpdate("""
                                UPDATE mail_outbox SET status = 'sent', sent_at = :now, lease_until = NULL, last_error = NULL
                                WHERE id = :id AND status = 'sending' AND lease_until = :lease""")
                        .bind("now", now)
                        .bind("id", claimed.id())
                        .bind("lease", claimed.lease())
                        .execute();
            } else if (outcome instanceof SmtpSender.Outcome.Refused refused) {
                h.createUpdate("""
                                    UPDATE mail_outbox SET status = 'failed', lease_until = NULL, last_error = :error
                                    WHERE id = :id AND status = 'sending' AND lease_until = :lease""")
                        .bind("error", shorten(refused.reply()))
                        .bind("id", claimed.id())
                        .bind("lease", claimed.lease())
                        .execute();
                if (refused.addressRefused()) {
                    h.createUpdate("""
                                        INSERT INTO mail_suppressions (address, reason, created_at) VALUES (:a, :reason, :now)
                                        ON CONFLICT (address) DO NOTHING""")
                            .bind("a", claimed.message().recipient())
                            .bind("reason", shorten(refused.reply()))
                            .bind("now", now)
                            .execute();
                    // Nothing more goes to it, this batch's other messages included.
                    h.createUpdate("""
                                        UPDATE mail_outbox SET status = 'failed', last_error = :error
                                        WHERE recipient = :a AND status = 'pending'""")
                            .bind("error", shorten(refused.reply()))
                            .bind("a", claimed.message().recipient())
                            .execute();
                    LOG.warn(
                            "Mail to {} refused for good: {}", claimed.message().recipient(), refused.reply());
                }
            } else if (outcome instanceof SmtpSender.Outcome.Failed failed) {
                boolean giveUp = now - claimed.createdAt() >= RETRY_FOR.toMillis();
                h.createUpdate("""
                                    UPDATE mail_outbox SET status = :status, next_attempt_at = :next, lease_until = NULL,
                                        last_error = :error
                                    WHERE id = :id AND status = 'sending' AND lease_until = :lease""")
                        .bind("status", giveUp ? "failed" : "pending")
                        .bind("next", now + BACKOFF.after(claimed.attempts()).toMillis())
                        .bind("error", shorten(failed.reason()))
                        .bind("id", claimed.id())
                        .bind("lease", claimed.lease())
                        .execute();
                LOG.warn("Mail {} not sent (attempt {}): {}", claimed.id(), claimed.attempts(), failed.reason());
            }
        });
    }

    private static String shorten(String s) {
        if (s == null) return null;
        return s.length() > 500 ? s.substring(0, 500) : s;
    }

    @Override
    public void close() {
        closed = true;
        thread.shutdown();
        try {
            if (!thread.awaitTermination(SmtpSender.TIMEOUT_MILLIS / 1000 + 5, TimeUnit.SECONDS)) thread.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
