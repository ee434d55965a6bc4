package org.wargeys.desk;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wargeys.article.ArticleService;
import org.wargeys.mail.MailOutbox;
import org.wargeys.mail.OutgoingMail;
import org.wargeys.platform.Dialect;
import org.wargeys.platform.Site;
import org.wargeys.platform.Transactions;
import org.wargeys.platform.Tx;
import org.wargeys.web.MessageBundles;
import org.wargeys.web.Messages;

/**
 * Turns the bell's notifications into mail, in the reader's newsroom language, as they chose: each
 * notification is claimed ({@code mailed_at} set by a conditional UPDATE, its row picked {@code FOR
 * UPDATE SKIP LOCKED} on PostgreSQL) and its message queued in the outbox on one transaction, so of
 * several nodes exactly one mails it, and a crash leaves it either wholly done or not at all. Kinds the
 * reader switched off, disabled accounts and notifications a day old are marked without mail. Without
 * a mail relay configured it does nothing (the bell still tells). Started after each commit that
 * wrote notifications, and by a poll. One thread per node. Thread-safe; close once.
 */
public final class NotificationMailer implements AutoCloseable {

    static final String KIND = "desk-notification";
    static final int BATCH = 100;
    /** A notification older than this is marked without mail (the bell has told of it long since). */
    static final java.time.Duration STALE = java.time.Duration.ofDays(1);

    private static final Logger LOG = LoggerFactory.getLogger(NotificationMailer.class);

    private final Transactions transactions;
    private final Dialect dialect;
    private final NotificationMailSettings settings;
    private final MailOutbox outbox;
    private final MessageBundles bundles;
    private final ArticleService articles;
    private final Site site;
    private final Clock clock;
    private final boolean enabled;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "wargeys-notification-mail");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean closed;

    NotificationMailer(
            Transactions transactions,
            Dialect dialect,
            NotificationMailSettings settings,
            MailOutbox outbox,
            MessageBundles bundles,
            ArticleService articles,
            Site site,
            Clock clock,
            boolean enabled) {
        this.enabled = enabled;
        this.transactions = transactions;
        this.dialect = dialect;
        this.settings = settings;
        this.outbox = outbox;
        this.bundles = bundles;
        this.articles = articles;
        this.site = site;
        this.clock = clock;
    }

    /** Starts mailing on this mailer's thread, unless it is at it already. */
    void nudge() {
        if (!enabled || closed || !running.compareAndSet(false, true)) return;
        try {
            thread.execute(() -> {
                try {
                    mailDue();
                } catch (RuntimeException e) {
                    LOG.error("Mailing notifications failed", e);
                } finally {
                    running.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            running.set(false);
        }
    }

    /** Handles every notification not yet mailed, on the calling thread; returns how many mails it queued. */
    public int mailDue() {
        if (!enabled) return 0;
        int queued = 0;
        while (!closed) {
            int[] batch = transactions.write(this::batch);
            queued += batch[1];
            if (batch[0] == 0) break;
        }
        return queued;
    }

    /** One batch on one transaction: {claimed, mails queued}. */
    private int[] batch(Tx tx) {
        var h = tx.handle();
        long now = clock.millis();
        List<Notification> due = h.createQuery(
                        "SELECT n.id, n.user_id, n.kind, n.article_id, n.actor_id, n.language, n.created_at,"
                                + " n.read_at FROM notifications n WHERE n.mailed_at IS NULL ORDER BY n.id LIMIT :limit"
                                + dialect.skipLocked("n"))
                .bind("limit", BATCH)
                .map((rs, ctx) -> Notifications.map(rs))
                .list();
        int claimed = 0;
        int queued = 0;
        for (Notification n : due) {
            int won = h.createUpdate("UPDATE notifications SET mailed_at = :now WHERE id = :id AND mailed_at IS NULL")
                    .bind("now", now)
                    .bind("id", n.id())
                    .execute();
            if (won == 0) continue;
            claimed++;
            if (mail(tx, n)) queued++;
        }
        return new int[] {claimed, queued};
    }

    private boolean mail(Tx tx, Notification n) {
        if (n.createdAt().isBefore(clock.instant().minus(STALE))) return false;
        var h = tx.handle();
        var reader = h.createQuery("SELECT email, display_name FROM users WHERE id = :id AND disabled_at IS NULL")
                .bind("id", n.userId())
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                .findOne();
        if (reader.isEmpty()) return false;
        NotificationMailSettings.Choice choice = settings.of(h, n.userId());
        if (!choice.mails(n.kind())) return false;
        Messages msg = bundles.of(choice.language());
        String actor = n.actorId() == null
                ? msg.get("desk.mail.someone")
                : h.createQuery("SELECT display_name FROM users WHERE id = :id")
                        .bind("id", n.actorId())
                        .mapTo(String.class)
                        .findOne()
                        .orElse(msg.get("desk.mail.someone"));
        String headline = msg.get("newsroom.notification.gone");
        if (n.articleId() != null) {
            try {
                headline = articles.find(tx, n.articleId()).headline();
            } catch (RuntimeException gone) {
                // deleted since: the sentence says so
            }
        }
        String key = "newsroom.notification." + n.kind().code();
        if (n.kind() == NotificationKind.ASSIGNED && n.language() != null) key += "_translation";
        String sentence = msg.format(
                        key,
                        Map.of("actor", actor, "language", n.language() == null ? "" : msg.languageName(n.language())))
                .replace("{target}", headline.replace('\n', ' ').replace('\r', ' '));
        String link = site.absolute(n.newsroomPath());
        String text = msg.format(
                "desk.mail.text",
                Map.of(
                        "name",
                        reader.get()[1],
                        "sentence",
                        sentence,
                        "link",
                        link,
                        "settings",
                        site.absolute("/admin/account/notifications"),
                        "site",
                        site.name()));
        String subject = msg.format("desk.mail.subject", Map.of("site", site.name(), "sentence", sentence));
        return outbox.queue(
                        tx,
                        new OutgoingMail(KIND, null, reader.get()[0], choice.language(), subject, text, null, Map.of()))
                .isPresent();
    }

    @Override
    public void close() {
        closed = true;
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) thread.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
