package org.wargeys.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.platform.Transactions;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/**
 * A real kill -9 of the program while its mail worker sends, on both databases (the separate JVM is
 * given the test's PostgreSQL database by WARGEYS_DB_URL, as an operator would): four hundred messages queued,
 * the program started as a separate JVM against GreenMail, killed (SIGKILL) once some have arrived and
 * before all have, then started again. Every message arrives; none arrives twice, but for the one the
 * killed program may have handed to the relay between its 250 and the commit that records it, which
 * is sent again once its lease ends (the test ends the lease in the database, as five minutes would)
 * with the same Message-ID (docs/mail.md).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class MailKillIT {

    static final int MESSAGES = 400;

    @Parameter
    DatabaseKind database;

    /** The database both programs use: the PostgreSQL URL (user app), or null for SQLite under the data dir. */
    String dbUrl;

    Path data;

    @Test
    void a_program_killed_mid_send_and_started_again_delivers_every_message_once() throws Exception {
        try (TestSite queued = TestSite.start(database, false)) {
            data = queued.dataDir();
            dbUrl = queued.dbUrl();
            Transactions transactions = queued.wiring().platform().transactions();
            MailOutbox outbox = queued.wiring().mail().outbox();
            transactions.run(tx -> {
                for (int i = 0; i < MESSAGES; i++)
                    outbox.queue(
                            tx,
                            new OutgoingMail(
                                    "mail-test",
                                    null,
                                    "reader" + i + "@example.org",
                                    "en",
                                    "Message " + i,
                                    "Text " + i,
                                    null,
                                    Map.of()));
            });
        }
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        try {
            Process first = program(smtp.getSmtp().getPort(), "first");
            try {
                waitFor(() -> smtp.getReceivedMessages().length >= 50, "the first messages");
            } finally {
                first.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful close
                first.waitFor();
            }
            int atKill = smtp.getReceivedMessages().length;
            assertThat(atKill).as("killed mid-send").isLessThan(MESSAGES);
            // What the killed program had claimed: only these leases are ended below, never one the
            // second program holds at that instant (ending that one too would have it sent twice).
            String leasedAtKill = ids("status = 'sending'");

            Process second = program(smtp.getSmtp().getPort(), "second");
            try {
                waitFor(() -> count("status = 'pending'") == 0, "the rest sent");
                // A message the killed program had claimed stays leased for five minutes: end the lease
                // as time would; the running program's next poll (10 s) sends it.
                if (!leasedAtKill.isEmpty())
                    execute("UPDATE mail_outbox SET lease_until = 0 WHERE status = 'sending' AND id IN (" + leasedAtKill
                            + ")");
                waitFor(() -> count("status <> 'sent'") == 0, "every message recorded sent");
            } finally {
                second.destroy();
                second.waitFor();
            }
            Map<String, Integer> byId = new HashMap<>();
            for (MimeMessage m : smtp.getReceivedMessages()) byId.merge(m.getMessageID(), 1, Integer::sum);
            assertThat(byId).as("every message arrived").hasSize(MESSAGES);
            long twice = byId.values().stream().filter(n -> n > 1).count();
            assertThat(byId.values()).allMatch(n -> n <= 2);
            assertThat(twice)
                    .as("at most the one message in flight at the kill arrives again, with its Message-ID")
                    .isLessThanOrEqualTo(1);
        } finally {
            smtp.stop();
            try (var files = java.nio.file.Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    Process program(int smtpPort, String name) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.wargeys.Wargeys",
                        "serve",
                        "--port",
                        String.valueOf(freePort()),
                        "--host",
                        "127.0.0.1",
                        "--no-demo",
                        "--data",
                        data.toString())
                .redirectErrorStream(true)
                .redirectOutput(data.resolve(name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("WARGEYS_MAIL_SMTP_HOST", "127.0.0.1");
        env.put("WARGEYS_MAIL_SMTP_PORT", String.valueOf(smtpPort));
        env.put("WARGEYS_MAIL_SMTP_SECURITY", "none");
        env.put("WARGEYS_MAIL_FROM", "Warsoor <news@warsoor.test>");
        env.put("WARGEYS_MAIL_RATE_PER_MINUTE", "1000000");
        if (dbUrl != null) {
            env.put("WARGEYS_DB_URL", dbUrl);
            env.put("WARGEYS_DB_USER", "app");
        }
        return builder.start();
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void waitFor(Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    Connection db() throws Exception {
        if (dbUrl != null) return DriverManager.getConnection(dbUrl, "app", null);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("wargeys.db"));
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
        }
        return c;
    }

    int count(String condition) throws Exception {
        try (Connection c = db();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM mail_outbox WHERE " + condition)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The ids of the rows that hold, joined by commas (ids are numbers: safe to splice). */
    String ids(String condition) throws Exception {
        try (Connection c = db();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM mail_outbox WHERE " + condition)) {
            java.util.StringJoiner joined = new java.util.StringJoiner(",");
            while (rs.next()) joined.add(String.valueOf(rs.getLong(1)));
            return joined.toString();
        }
    }

    void execute(String sql) throws Exception {
        try (Connection c = db();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
