package org.wargeys.newsletter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleService;
import org.wargeys.mail.MailOutbox;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditLog;
import org.wargeys.platform.Language;
import org.wargeys.platform.Site;
import org.wargeys.platform.Transactions;
import org.wargeys.platform.Tx;
import org.wargeys.platform.ValidationException;

/**
 * The daily digest, per language, at one local time the newsroom sets (the site's time zone, the same
 * for every language): what was first published in the language since its last digest, to its
 * confirmed subscribers who asked for the digest and want those sections (a subscriber whose sections published nothing gets
 * nothing). A day with nothing published is skipped. Exactly once per language and day, on any number
 * of nodes and across restarts: the digest's row (unique per language and day) is the claim, and its
 * subscribers are queued in keyset pages, each page on one transaction that moves the row's cursor
 * with a conditional UPDATE, so a digest a crash interrupted goes on where it stopped, and no page is
 * queued twice. Never more than a page of subscribers in memory. Thread-safe.
 */
public final class Digests {

    static final int PAGE = 500;
    /** The most articles a digest lists (the newest). */
    static final int MOST = 30;

    static final String TIME = "digest_time";

    /** One digest, for the send history, with what became of its messages. */
    public record Sent(
            long id,
            String language,
            String day,
            int articles,
            String status,
            int recipients,
            Instant createdAt,
            int queued,
            int delivered,
            int failed) {}

    private record Row(long id, String language, LocalDate day, List<Long> articleIds, String status, long cursor) {}

    private final Jdbi jdbi;
    private final Transactions transactions;
    private final ArticleService articles;
    private final MailOutbox outbox;
    private final NewsletterMails mails;
    private final Subscriptions subscriptions;
    private final AuditLog audit;
    private final Site site;
    private final Clock clock;
    private volatile int pageSize = PAGE;

    Digests(
            Jdbi jdbi,
            Transactions transactions,
            ArticleService articles,
            MailOutbox outbox,
            NewsletterMails mails,
            Subscriptions subscriptions,
            AuditLog audit,
            Site site,
            Clock clock) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.articles = articles;
        this.outbox = outbox;
        this.mails = mails;
        this.subscriptions = subscriptions;
        this.audit = audit;
        this.site = site;
        this.clock = clock;
    }

    /** Subscribers per page (tests make pages small, to cross their edges with a few subscribers). */
    void pageSize(int size) {
        this.pageSize = size;
    }

    /** The local time of the digest, or empty when the newsroom sends none. */
    public Optional<LocalTime> time() {
        return jdbi.withHandle(h -> h.createQuery("SELECT value FROM newsletter_settings WHERE key = :k")
                .bind("k", TIME)
                .mapTo(String.class)
                .findOne()
                .filter(v -> !v.isBlank())
                .map(LocalTime::parse));
    }

    /** Sets the digest's local time ({@code HH:MM}), or stops the digest (blank). */
    public void setTime(String text, Actor actor) {
        String value = text == null ? "" : text.strip();
        if (!value.isEmpty()) {
            try {
                value = LocalTime.parse(value).withSecond(0).withNano(0).toString();
            } catch (DateTimeParseException e) {
                throw ValidationException.of("digest_time", "newsletter.error.digest_time");
            }
        }
        String stored = value;
        transactions.run(tx -> {
            tx.handle().createUpdate("""
                            INSERT INTO newsletter_settings (key, value) VALUES (:k, :v)
                            ON CONFLICT (key) DO UPDATE SET value = excluded.value""").bind("k", TIME).bind("v", stored).execute();
            audit.record(tx, actor, "newsletter.digest_time", null, stored.isEmpty() ? "-" : stored);
        });
    }

    /**
     * The job: starts each language's digest of today once its time has come (a node that was down at
     * that time sends it when it starts), then queues what any digest still has to queue. Returns the
     * messages queued.
     */
    public int run() {
        Optional<LocalTime> time = time();
        if (time.isPresent()) {
            ZonedDateTime now = clock.instant().atZone(site.timezone());
            if (!now.toLocalTime().isBefore(time.get())) {
                for (Language l : site.languages()) start(l.code(), now.toLocalDate());
            }
        }
        return resume();
    }

    /** Makes the language's digest of the day, unless it exists; returns its id when this call made it. */
    Optional<Long> start(String language, LocalDate day) {
        return transactions.write(tx -> {
            var h = tx.handle();
            long until = clock.millis();
            long since = h.createQuery("SELECT MAX(until) FROM newsletter_digests WHERE language = :l")
                    .bind("l", language)
                    .mapTo(Long.class)
                    .findOne()
                    .orElse(until - Duration.ofDays(1).toMillis());
            List<Long> ids = h.createQuery("""
                            SELECT id FROM articles WHERE language = :l AND status = 'published'
                                AND published_at > :since AND published_at <= :until
                            ORDER BY published_at DESC, id DESC LIMIT :most""")
                    .bind("l", language)
                    .bind("since", since)
                    .bind("until", until)
                    .bind("most", MOST)
                    .mapTo(Long.class)
                    .list();
            Optional<Long> made = h.createQuery("""
                            INSERT INTO newsletter_digests (language, day, since, until, article_ids, status, created_at)
                            VALUES (:l, :day, :since, :until, :ids, :status, :now)
                            ON CONFLICT (language, day) DO NOTHING RETURNING id""")
                    .bind("l", language)
                    .bind("day", day.toString())
                    .bind("since", since)
                    .bind("until", until)
                    .bind(
                            "ids",
                            String.join(" ", ids.stream().map(String::valueOf).toList()))
                    .bind("status", ids.isEmpty() ? "skipped" : "sending")
                    .bind("now", until)
                    .mapTo(Long.class)
                    .findOne();
            made.ifPresent(id -> audit.record(
                    tx,
                    Actor.SYSTEM,
                    ids.isEmpty() ? "newsletter.digest_skipped" : "newsletter.digest",
                    "digest:" + id,
                    language + ", " + day + ", " + ids.size() + " articles"));
            return made;
        });
    }

    /** Queues every page any digest still has; returns the messages queued. */
    int resume() {
        List<Long> sending = jdbi.withHandle(
                h -> h.createQuery("SELECT id FROM newsletter_digests WHERE status = 'sending' ORDER BY id")
                        .mapTo(Long.class)
                        .list());
        int queued = 0;
        for (long id : sending) {
            while (true) {
                int[] page = transactions.write(tx -> page(tx, id));
                queued += page[1];
                if (page[0] == 0) break;
            }
        }
        return queued;
    }

    /** One page of a digest's subscribers on one transaction: {1 while there may be more, messages queued}. */
    private int[] page(Tx tx, long digestId) {
        var h = tx.handle();
        Optional<Row> found = row(h, digestId);
        if (found.isEmpty() || !found.get().status().equals("sending")) return new int[] {0, 0};
        Row row = found.get();
        List<Subscriber> page = h.createQuery("SELECT " + SubscriberRepository.COLUMNS + """
                         FROM subscribers WHERE language = :language AND status = 'confirmed' AND digest = 1 AND id > :after
                        ORDER BY id LIMIT :limit""")
                .bind("language", row.language())
                .bind("after", row.cursor())
                .bind("limit", pageSize)
                .map((rs, ctx) -> SubscriberRepository.subscriber(rs))
                .list();
        if (page.isEmpty()) {
            h.createUpdate("UPDATE newsletter_digests SET status = 'sent' WHERE id = :id AND last_subscriber_id = :c")
                    .bind("id", digestId)
                    .bind("c", row.cursor())
                    .execute();
            return new int[] {0, 0};
        }
        long last = page.get(page.size() - 1).id();
        // The claim of this page: of two runs at it, one moves the cursor; the other queues nothing.
        int won = h.createUpdate("""
                        UPDATE newsletter_digests SET last_subscriber_id = :last
                        WHERE id = :id AND status = 'sending' AND last_subscriber_id = :c""")
                .bind("last", last)
                .bind("id", digestId)
                .bind("c", row.cursor())
                .execute();
        if (won == 0) return new int[] {1, 0};
        List<Article> listed = listed(tx, row.articleIds());
        Map<Long, String> sections = sectionKeys(h, listed);
        Map<Article, EmailBody.Item> items = new HashMap<>();
        List<EmailBody.Item> all = mails.items(listed);
        for (int i = 0; i < listed.size(); i++) items.put(listed.get(i), all.get(i));
        int queued = 0;
        for (Subscriber s : page) {
            List<EmailBody.Item> wanted = new ArrayList<>();
            for (Article a : listed) if (s.wants(sections.get(a.id()))) wanted.add(items.get(a));
            if (wanted.isEmpty()) continue;
            var mail = mails.digest(
                    digestId, row.language(), row.day(), wanted, s.address(), subscriptions.manageToken(s), false);
            if (outbox.queue(tx, mail).isPresent()) queued++;
        }
        h.createUpdate("UPDATE newsletter_digests SET recipients = recipients + :n WHERE id = :id")
                .bind("n", queued)
                .bind("id", digestId)
                .execute();
        return new int[] {1, queued};
    }

    /** The digest's articles that are still published, in its order. */
    private List<Article> listed(Tx tx, List<Long> ids) {
        List<Article> listed = new ArrayList<>();
        for (long id : ids) {
            try {
                Article a = articles.find(tx, id);
                if (a.isPublished()) listed.add(a);
            } catch (org.wargeys.platform.NotFoundException gone) {
                // deleted since the digest was made
            }
        }
        return listed;
    }

    private static Map<Long, String> sectionKeys(Handle h, List<Article> listed) {
        Map<Long, String> keys = new HashMap<>();
        for (Article a : listed) {
            keys.put(
                    a.id(),
                    a.sectionId() == null
                            ? null
                            : h.createQuery("SELECT key FROM sections WHERE id = :id")
                                    .bind("id", a.sectionId())
                                    .mapTo(String.class)
                                    .one());
        }
        return keys;
    }

    private static Optional<Row> row(Handle h, long id) {
        return h.createQuery("""
                        SELECT id, language, day, article_ids, status, last_subscriber_id
                        FROM newsletter_digests WHERE id = :id""")
                .bind("id", id)
                .map((rs, ctx) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        LocalDate.parse(rs.getString(3)),
                        ids(rs.getString(4)),
                        rs.getString(5),
                        rs.getLong(6)))
                .findOne();
    }

    private static List<Long> ids(String text) {
        if (text == null || text.isBlank()) return List.of();
        return Arrays.stream(text.strip().split(" +")).map(Long::valueOf).toList();
    }

    /**
     * The columns queued, delivered and failed of a send (alias.id is the outbox messages' batch_id),
     * for the send histories of digests and alerts.
     */
    static String sendCounts(String alias, String kind) {
        String of = "(SELECT COUNT(*) FROM mail_outbox m WHERE m.batch_id = " + alias + ".id AND m.kind = '" + kind
                + "' AND m.status ";
        return of + "IN ('pending', 'sending')) AS queued, " + of + "= 'sent') AS delivered, " + of
                + "= 'failed') AS failed ";
    }

    /** The latest digests, newest first, with the state of their messages. */
    public List<Sent> history(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT d.id, d.language, d.day, d.article_ids, d.status, d.recipients, d.created_at, """ + sendCounts("d", "newsletter-digest") + """
                        FROM newsletter_digests d ORDER BY d.created_at DESC, d.id DESC LIMIT :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> new Sent(
                        rs.getLong("id"),
                        rs.getString("language"),
                        rs.getString("day"),
                        ids(rs.getString("article_ids")).size(),
                        rs.getString("status"),
                        rs.getInt("recipients"),
                        Instant.ofEpochMilli(rs.getLong("created_at")),
                        rs.getInt("queued"),
                        rs.getInt("delivered"),
                        rs.getInt("failed")))
                .list());
    }
}
