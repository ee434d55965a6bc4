package org.wargeys.mail;

import java.time.Duration;
import org.slf4j.LoggerFactory;
import org.wargeys.platform.Platform;

/**
 * Mail (docs/mail.md): the outbox features queue messages into on their own transactions, and the
 * worker that sends them over SMTP, started by a commit that queued mail and by a poll (retries, and
 * what other nodes queued). Close it before the platform.
 */
public final class MailModule implements AutoCloseable {

    static final Duration POLL = Duration.ofSeconds(10);

    /** How long a sent or failed message keeps its text (links with tokens, addresses in greetings). */
    static final Duration KEEP_BODIES = Duration.ofDays(30);

    private final MailSettings settings;
    private final MailOutbox outbox;
    private final MailWorker worker;
    private final org.jdbi.v3.core.Jdbi jdbi;

    public MailModule(Platform platform) {
        this.settings = MailSettings.of(
                platform.config().settings(),
                platform.site().name(),
                platform.site().baseUrl());
        this.outbox = new MailOutbox(platform.database().jdbi(), platform.clock(), settings.domain());
        this.worker = new MailWorker(platform.database(), platform.transactions(), settings, platform.clock());
        this.jdbi = platform.database().jdbi();
        if (!settings.configured()) {
            LoggerFactory.getLogger(MailModule.class)
                    .info("No mail.smtp.host: mail is queued but not sent (docs/mail.md)");
        }
        platform.events().subscribe(MailQueued.class, e -> worker.nudge());
        platform.jobs().every("Sending mail", POLL, POLL, worker::nudge);
        platform.jobs()
                .every(
                        "Forgetting what old mail said",
                        Duration.ofHours(1),
                        Duration.ofHours(24),
                        () -> outbox.forgetBodies(platform.clock().millis() - KEEP_BODIES.toMillis()));
    }

    public MailOutbox outbox() {
        return outbox;
    }

    public MailSettings settings() {
        return settings;
    }

    /** Sends what is due now on the calling thread (tests, after moving their clock); returns the attempts. */
    public int sendDue() {
        return worker.sendDue();
    }

    /** How many SMTP attempts this node made. */
    public long attempts() {
        return worker.attempts();
    }

    /** Messages queued or being sent, by every node (the outbox's depth, for metrics). */
    public long waiting() {
        return count("status IN ('pending', 'sending')");
    }

    /** Messages given up (a permanent refusal, or two days of failures). */
    public long failed() {
        return count("status = 'failed'");
    }

    private long count(String condition) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM mail_outbox WHERE " + condition)
                .mapTo(Long.class)
                .one());
    }

    @Override
    public void close() {

        worker.close();
    }
}
