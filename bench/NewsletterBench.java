import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * The helpers of bench/newsletter.sh (issue 16), run from the project root with the test classpath:
 *
 *   java -cp CP bench/NewsletterBench.java prepare DATA_DIR SUBSCRIBERS
 *       N confirmed subscribers of alerts and the digest, half English and half Somali (distinct addresses, no sections), in
 *       the site's SQLite database; the 20 newest articles of each language published an hour ago, so
 *       that the next digest has something to say.
 *   java -cp CP bench/NewsletterBench.java arm DATA_DIR
 *       sets the daily digest's time to 00:00: the running server's next look (each minute) sends it.
 *   java -Xmx1g -cp CP bench/NewsletterBench.java smtp PORT COUNT_FILE
 *       GreenMail on 127.0.0.1:PORT; writes the number of distinct recipients it has received mail for
 *       to COUNT_FILE twice a second, and empties its mailboxes as it goes (so that 100,000 messages
 *       do not fill its own heap). Each subscriber gets one digest: recipients = messages.
 */
public class NewsletterBench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "prepare" -> prepare(Path.of(args[1]), Integer.parseInt(args[2]));
            case "arm" -> arm(Path.of(args[1]));
            case "smtp" -> smtp(Integer.parseInt(args[1]), Path.of(args[2]));
            default -> throw new IllegalArgumentException("prepare, arm or smtp");
        }
    }

    static Connection db(Path data) throws Exception {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("wargeys.db").toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
        }
        return c;
    }

    static void prepare(Path data, int subscribers) throws Exception {
        long now = System.currentTimeMillis();
        try (Connection c = db(data)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM subscribers");
                s.execute("DELETE FROM newsletter_digests");
                s.execute("DELETE FROM newsletter_settings");
                s.execute("DELETE FROM mail_outbox");
                for (String language : new String[] {"en", "so"}) {
                    s.execute("UPDATE articles SET published_at = " + (now - 3_600_000L) + " WHERE id IN (SELECT id"
                            + " FROM articles WHERE language = '" + language + "' AND status = 'published'"
                            + " ORDER BY published_at DESC, id DESC LIMIT 20)");
                }
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO subscribers (address, language, sections, alerts, digest, status, consented_at, source,
                        created_at, confirmation_sent_at) VALUES (?, ?, '', 1, 1, 'confirmed', ?, '/', ?, ?)""")) {
                for (int i = 0; i < subscribers; i++) {
                    String language = i % 2 == 0 ? "en" : "so";
                    insert.setString(1, "reader" + i + "@" + language + ".bench.test");
                    insert.setString(2, language);
                    insert.setLong(3, now);
                    insert.setLong(4, now);
                    insert.setLong(5, now);
                    insert.addBatch();
                    if (i % 5000 == 4999) insert.executeBatch();
                }
                insert.executeBatch();
            }
            c.commit();
        }
        System.out.println("bench: " + subscribers + " confirmed subscribers (en, so)");
    }

    static void arm(Path data) throws Exception {
        try (Connection c = db(data);
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO newsletter_settings (key, value) VALUES ('digest_time', '00:00')"
                    + " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        }
    }

    static void smtp(int port, Path countFile) throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        while (true) {
            int recipients = mail.getUserManager().listUser().size();
            Path tmp = countFile.resolveSibling(countFile.getFileName() + ".tmp");
            Files.writeString(tmp, recipients + " " + System.currentTimeMillis() + "\n");
            Files.move(tmp, countFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            mail.purgeEmailFromAllMailboxes();
            Thread.sleep(500);
        }
    }
}
