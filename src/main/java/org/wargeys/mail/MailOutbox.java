package org.wargeys.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.platform.Tx;

/**
 * The outbox: queues a message on the transaction of the change that caused it, so that a committed
 * change always has its mail and a rolled-back one never does. The message is stored as it will be
 * sent, with its Message-ID fixed now: a message sent again after a crash keeps it. An address a
 * server refused for good (SMTP 5xx) gets nothing more. Thread-safe.
 */
public final class MailOutbox {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final Clock clock;
    private final String domain;

    MailOutbox(Jdbi jdbi, Clock clock, String domain) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.domain = domain;
    }

    /** Queues the message on the caller's transaction; empty when its address is suppressed. */
    public Optional<Long> queue(Tx tx, OutgoingMail mail) {
        String to = normalized(mail.recipient());
        if (suppressed(tx.handle(), to)) return Optional.empty();
        long now = clock.millis();
        String headers;
        try {
            headers = mail.headers().isEmpty() ? null : JSON.writeValueAsString(mail.headers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        long id = tx.handle()
                .createQuery("""
                        INSERT INTO mail_outbox (kind, batch_id, recipient, language, subject, text_body, html_body,
                            headers, message_id, status, attempts, next_attempt_at, created_at)
                        VALUES (:kind, :batch, :to, :language, :subject, :text, :html, :headers, :messageId,
                            'pending', 0, :now, :now)
                        RETURNING id""")
                .bind("kind", mail.kind())
                .bind("batch", mail.batchId())
                .bind("to", to)
                .bind("language", mail.language())
                .bind("subject", mail.subject())
                .bind("text", mail.text())
                .bind("html", mail.html())
                .bind("headers", headers)
                .bind("messageId", "<" + UUID.randomUUID() + "@" + domain + ">")
                .bind("now", now)
                .mapTo(Long.class)
                .one();
        tx.announce(new MailQueued());
        return Optional.of(id);
    }

    /**
     * Queues again, on the caller's transaction, the failed messages of a batch (an alert, a digest) that
     * still have their text and whose address no server refused for good; returns how many.
     */
    public int retryFailed(Tx tx, String kind, long batchId) {
        int n = tx.handle()
                .createUpdate("""
                        UPDATE mail_outbox SET status = 'pending', attempts = 0, next_attempt_at = :now,
                            lease_until = NULL, last_error = NULL
                        WHERE kind = :kind AND batch_id = :batch AND status = 'failed' AND text_body <> ''
                            AND recipient NOT IN (SELECT address FROM mail_suppressions)""")
                .bind("now", clock.millis())
                .bind("kind", kind)
                .bind("batch", batchId)
                .execute();
        if (n > 0) tx.announce(new MailQueued());
        return n;
    }

    /** Whether a server refused this address for good. */
    public boolean suppressed(Handle handle, String address) {
        return handle.createQuery("SELECT COUNT(*) FROM mail_suppressions WHERE address = :a")
                        .bind("a", normalized(address))
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    /**
     * Empties the text of messages sent or failed before {@code before} (epoch ms): their links carry
     * tokens, and nobody reads them again. The rows stay, for the send history's counts.
     */
    int forgetBodies(long before) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE mail_outbox SET text_body = '', html_body = NULL, headers = NULL
                        WHERE status IN ('sent', 'failed') AND created_at < :before AND text_body <> ''""").bind("before", before).execute());
    }

    /** Addresses are compared and stored in lower case. */
    public static String normalized(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
