package org.wargeys.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.platform.Platform;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.RefusingSmtpServer;
import org.wargeys.testsupport.TestClock;
import org.wargeys.testsupport.TestSite;

/**
 * The outbox and the SMTP worker on both databases, talking SMTP to GreenMail (and, for a permanent
 * refusal, to an SMTP peer that answers 550): mail queued on a transaction is sent once it commits and
 * never when it rolls back; read back, it has both parts, its headers and its Message-ID; a relay that
 * is down is retried with backoff; a 5xx marks the address; the rate per minute holds; four workers
 * racing send each message once; a message whose worker died is sent once its lease ends. The site
 * itself has no relay (its mail stays queued): each test drives workers with the settings it needs.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailIT {

    @Parameter
    DatabaseKind database;

    TestSite site;
    TestClock clock;
    Platform platform;
    MailOutbox outbox;
    GreenMail smtp;

    @BeforeParameterizedClassInvocation
    void start() {
        clock = new TestClock(TestSite.NOW);
        site = TestSite.start(database, false, Map.of("mail.from", "Warsoor <news@warsoor.test>"), clock);
        platform = site.wiring().platform();
        outbox = site.wiring().mail().outbox();
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (site != null) site.deleteData();
    }

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        platform.database().jdbi().useHandle(h -> {
            h.execute("DELETE FROM mail_outbox");
            h.execute("DELETE FROM mail_suppressions");
        });
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    MailSettings settings(int port, int perMinute) {
        Map<String, String> s = new HashMap<>();
        s.put("mail.smtp.host", "127.0.0.1");
        s.put("mail.smtp.port", String.valueOf(port));
        s.put("mail.smtp.security", "none");
        s.put("mail.from", "Warsoor <news@warsoor.test>");
        s.put("mail.rate_per_minute", String.valueOf(perMinute));
        return MailSettings.of(s, "Warsoor", "http://localhost");
    }

    MailWorker worker(int perMinute) {
        return new MailWorker(
                platform.database(),
                platform.transactions(),
                settings(smtp.getSmtp().getPort(), perMinute),
                clock);
    }

    long queue(String to, String subject) {
        return platform.transactions()
                .write(tx -> outbox.queue(
                                tx,
                                new OutgoingMail(
                                        "mail-test",
                                        null,
                                        to,
                                        "so",
                                        subject,
                                        "Qoraal cad.\nhttps://warsoor.test/so/",
                                        "<p>Qoraal <strong>HTML</strong>.</p>",
                                        Map.of(
                                                "List-Unsubscribe",
                                                "<https://warsoor.test/u/1>",
                                                "List-Unsubscribe-Post",
                                                "List-Unsubscribe=One-Click")))
                        .orElseThrow());
    }

    String status(long id) {
        return platform.database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT status FROM mail_outbox WHERE id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
    }

    @Test
    void queued_mail_is_sent_with_both_parts_its_headers_and_its_message_id() throws Exception {
        long id = queue("Reader@Example.ORG", "Warbixin: Muqdisho — عاجل");
        assertThat(status(id)).as("the site has no relay: it waits").isEqualTo("pending");
        try (MailWorker worker = worker(600)) {
            assertThat(worker.sendDue()).isEqualTo(1);
        }
        assertThat(status(id)).isEqualTo("sent");
        assertThat(outbox.forgetBodies(clock.millis() + 1))
                .as("older than asked")
                .isEqualTo(1);
        String kept = platform.database()
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT text_body || COALESCE(html_body, '') FROM mail_outbox WHERE id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
        assertThat(kept).as("an old message's text is forgotten, its row kept").isEmpty();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage m = received[0];
        assertThat(m.getSubject()).isEqualTo("Warbixin: Muqdisho — عاجل");
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("reader@example.org");
        assertThat(m.getFrom()[0].toString()).isEqualTo("Warsoor <news@warsoor.test>");
        assertThat(m.getHeader("Content-Language", null)).isEqualTo("so");
        assertThat(m.getHeader("List-Unsubscribe", null)).isEqualTo("<https://warsoor.test/u/1>");
        assertThat(m.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(m.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        String stored = platform.database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT message_id FROM mail_outbox WHERE id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
        assertThat(m.getMessageID()).isEqualTo(stored).endsWith("@warsoor.test>");
        assertThat(m.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType())
                .startsWith("text/plain")
                .contains("UTF-8");
        assertThat((String) parts.getBodyPart(0).getContent()).contains("Qoraal cad.");
        assertThat(parts.getBodyPart(1).getContentType())
                .startsWith("text/html")
                .contains("UTF-8");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("<strong>HTML</strong>");
    }

    @Test
    void mail_queued_on_a_transaction_that_rolls_back_is_never_sent() {
        try {
            platform.transactions().run(tx -> {
                outbox.queue(tx, new OutgoingMail("mail-test", null, "a@example.org", "en", "No", "No", null, null));
                throw new IllegalStateException("the change failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        int rows = platform.database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM mail_outbox")
                        .mapTo(Integer.class)
                        .one());
        assertThat(rows).isZero();
        try (MailWorker worker = worker(600)) {
            assertThat(worker.sendDue()).isZero();
        }
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_relay_that_is_down_is_retried_with_backoff_until_it_answers() throws Exception {
        int port = smtp.getSmtp().getPort();
        long id = queue("reader@example.org", "Retry");
        smtp.stop();
        try (MailWorker worker =
                new MailWorker(platform.database(), platform.transactions(), settings(port, 600), clock)) {
            assertThat(worker.sendDue()).isEqualTo(1);
            assertThat(status(id)).isEqualTo("pending");
            assertThat(worker.sendDue()).as("not due before its backoff").isZero();

            smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
            smtp.start();
            clock.advance(Duration.ofSeconds(59));
            assertThat(worker.sendDue()).as("the first wait is a minute").isZero();
            clock.advance(Duration.ofSeconds(8));
            assertThat(worker.sendDue()).isEqualTo(1);
        }
        assertThat(status(id)).isEqualTo("sent");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        int attempts = platform.database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT attempts FROM mail_outbox WHERE id = :id")
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one());
        assertThat(attempts).isEqualTo(2);
    }

    @Test
    void a_permanent_refusal_fails_the_message_and_marks_the_address() {
        long refused = queue("gone@example.org", "To a missing mailbox");
        long later = queue("gone@example.org", "Another one");
        long fine = queue("reader@example.org", "To a real one");
        try (RefusingSmtpServer relay = new RefusingSmtpServer("gone@");
                MailWorker worker = new MailWorker(
                        platform.database(), platform.transactions(), settings(relay.port(), 600), clock)) {
            worker.sendDue();
            assertThat(relay.accepted()).hasSize(1);
            assertThat(relay.accepted().get(0)).contains("Subject: To a real one");
        }
        assertThat(status(refused)).isEqualTo("failed");
        assertThat(status(later)).as("nothing more goes to a refused address").isEqualTo("failed");
        assertThat(status(fine)).isEqualTo("sent");
        String reason = platform.database()
                .jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT reason FROM mail_suppressions WHERE address = 'gone@example.org'")
                                .mapTo(String.class)
                                .one());
        assertThat(reason).startsWith("550");
        boolean queued = platform.transactions()
                .write(tx -> outbox.queue(
                                tx,
                                new OutgoingMail(
                                        "mail-test", null, "Gone@Example.org", "en", "Again", "Again", null, null))
                        .isPresent());
        assertThat(queued).as("a suppressed address is not queued again").isFalse();
    }

    @Test
    void no_more_than_the_rate_per_minute_leaves_the_site() {
        for (int i = 0; i < 5; i++) queue("reader" + i + "@example.org", "Rate " + i);
        try (MailWorker worker = worker(3)) {
            assertThat(worker.sendDue()).isEqualTo(3);
            assertThat(worker.sendDue()).isZero();
            clock.advance(Duration.ofSeconds(61));
            assertThat(worker.sendDue()).isEqualTo(2);
        }
        assertThat(smtp.getReceivedMessages()).hasSize(5);
    }

    @Test
    void four_workers_racing_send_each_message_once() throws Exception {
        int count = 24;
        for (int i = 0; i < count; i++) queue("reader" + i + "@example.org", "Race " + i);
        List<MailWorker> workers = List.of(worker(600), worker(600), worker(600), worker(600));
        var threads = Executors.newFixedThreadPool(workers.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (MailWorker w : workers)
            runs.add(threads.submit(() -> {
                go.await();
                return w.sendDue();
            }));
        go.countDown();
        int attempts = 0;
        for (var run : runs) attempts += run.get();
        threads.shutdown();
        workers.forEach(MailWorker::close);

        assertThat(attempts).isEqualTo(count);
        Map<String, Long> perMessageId = java.util.Arrays.stream(smtp.getReceivedMessages())
                .collect(Collectors.groupingBy(
                        m -> {
                            try {
                                return m.getMessageID();
                            } catch (jakarta.mail.MessagingException e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        Collectors.counting()));
        assertThat(perMessageId).hasSize(count);
        assertThat(perMessageId.values()).allMatch(n -> n == 1);
    }

    @Test
    void a_message_whose_worker_died_mid_send_is_sent_once_its_lease_ends() {
        long id = queue("reader@example.org", "Orphaned");
        // A node claimed it, then died before recording anything (kill -9 mid-send).
        platform.database()
                .jdbi()
                .useHandle(h -> h.createUpdate("""
                        UPDATE mail_outbox SET status = 'sending', attempts = 1, lease_until = :lease WHERE id = :id""")
                        .bind("lease", clock.millis() + MailWorker.LEASE.toMillis())
                        .bind("id", id)
                        .execute());
        try (MailWorker worker = worker(600)) {
            assertThat(worker.sendDue()).as("still leased to the dead node").isZero();
            clock.advance(MailWorker.LEASE.plusSeconds(1));
            assertThat(worker.sendDue()).isEqualTo(1);
            assertThat(worker.sendDue()).isZero();
        }
        assertThat(status(id)).isEqualTo("sent");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void tls_from_the_first_byte_with_the_account_signs_in_and_sends() {
        GreenMail smtps = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtps"));
        smtps.start();
        try {
            smtps.setUser("news@warsoor.test", "news", "right password");
            long id = queue("reader@example.org", "Over TLS");
            Map<String, String> s = new HashMap<>();
            s.put("mail.smtp.host", "127.0.0.1");
            s.put("mail.smtp.port", String.valueOf(smtps.getSmtps().getPort()));
            s.put("mail.smtp.security", "tls");
            // GreenMail's certificate is its own: trusted by name, as for a relay on a private network.
            s.put("mail.smtp.ssl_trust", "127.0.0.1");
            s.put("mail.smtp.user", "news");
            s.put("mail.from", "Warsoor <news@warsoor.test>");
            s.put("mail.smtp.password", "wrong password");
            try (MailWorker worker = new MailWorker(
                    platform.database(), platform.transactions(), MailSettings.of(s, "Warsoor", "http://x"), clock)) {
                worker.sendDue();
            }
            assertThat(status(id)).as("refused sign-in: tried again later").isEqualTo("pending");
            clock.advance(Duration.ofMinutes(2));
            s.put("mail.smtp.password", "right password");
            try (MailWorker worker = new MailWorker(
                    platform.database(), platform.transactions(), MailSettings.of(s, "Warsoor", "http://x"), clock)) {
                assertThat(worker.sendDue()).isEqualTo(1);
            }
            assertThat(status(id)).isEqualTo("sent");
            assertThat(smtps.getReceivedMessages()).hasSize(1);
        } finally {
            smtps.stop();
        }
    }
}
