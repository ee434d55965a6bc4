package org.wargeys.newsletter;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleService;
import org.wargeys.mail.MailOutbox;
import org.wargeys.mail.OutgoingMail;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditLog;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.Site;
import org.wargeys.platform.Transactions;
import org.wargeys.platform.ValidationException;

/**
 * The newsroom's newsletter tools: a preview of each language's next digest and of an alert (the
 * latest article published in the language), the same sent as a test to the staff member who asks
 * (never to a reader), and a retry of the failed messages of an alert or a digest. Each action is one
 * transaction with its audit line. Who may use them is the caller's check (editors and
 * administrators). Thread-safe.
 */
public final class NewsletterTools {

    /** What a preview or a test shows. */
    public enum What {
        DIGEST,
        ALERT
    }

    private final Jdbi jdbi;
    private final Transactions transactions;
    private final ArticleService articles;
    private final MailOutbox outbox;
    private final NewsletterMails mails;
    private final Digests digests;
    private final AuditLog audit;
    private final Site site;
    private final Clock clock;

    NewsletterTools(
            Jdbi jdbi,
            Transactions transactions,
            ArticleService articles,
            MailOutbox outbox,
            NewsletterMails mails,
            Digests digests,
            AuditLog audit,
            Site site,
            Clock clock) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.articles = articles;
        this.outbox = outbox;
        this.mails = mails;
        this.digests = digests;
        this.audit = audit;
        this.site = site;
        this.clock = clock;
    }

    /**
     * The message a reader of the language would get, addressed to {@code address}: the next digest
     * (what was published since the last one; empty when nothing was) or an alert of the latest
     * article (empty when none is published).
     */
    public Optional<OutgoingMail> preview(What what, String language, String address) {
        site.languageOrNotFound(language);
        if (what == What.ALERT) {
            return latest(language).map(a -> mails.testAlert(a, address));
        }
        long until = clock.millis();
        List<Article> next = jdbi.withHandle(h -> {
            long since = h.createQuery("SELECT MAX(until) FROM newsletter_digests WHERE language = :l")
                    .bind("l", language)
                    .mapTo(Long.class)
                    .findOne()
                    .orElse(until - Duration.ofDays(1).toMillis());
            return h
                    .createQuery("""
                            SELECT id FROM articles WHERE language = :l AND status = 'published'
                                AND published_at > :since AND published_at <= :until
                            ORDER BY published_at DESC, id DESC LIMIT :most""")
                    .bind("l", language)
                    .bind("since", since)
                    .bind("until", until)
                    .bind("most", Digests.MOST)
                    .mapTo(Long.class)
                    .list()
                    .stream()
                    .map(id -> articles.find(id))
                    .toList();
        });
        if (next.isEmpty()) return Optional.empty();
        LocalDate day = clock.instant().atZone(site.timezone()).toLocalDate();
        return Optional.of(mails.digest(null, language, day, mails.items(next), address, null, true));
    }

    /** Queues the preview to the staff member themself; false when there is nothing to send. */
    public boolean sendTest(What what, String language, Actor actor, String address) {
        Optional<OutgoingMail> mail = preview(what, language, address);
        if (mail.isEmpty()) return false;
        transactions.run(tx -> {
            outbox.queue(tx, mail.get());
            audit.record(
                    tx,
                    actor,
                    "newsletter.test",
                    null,
                    (what == What.DIGEST ? "digest" : "alert") + ", " + language + ", " + address);
        });
        return true;
    }

    /** Queues again the failed messages of an alert or a digest; returns how many. */
    public int retryFailed(What what, long batchId, Actor actor) {
        String table = what == What.DIGEST ? "newsletter_digests" : "newsletter_alerts";
        String kind = what == What.DIGEST ? NewsletterMails.DIGEST : NewsletterMails.ALERT;
        return transactions.write(tx -> {
            boolean exists = tx.handle()
                            .createQuery("SELECT COUNT(*) FROM " + table + " WHERE id = :id")
                            .bind("id", batchId)
                            .mapTo(Integer.class)
                            .one()
                    > 0;
            if (!exists) throw new NotFoundException("No " + kind + " " + batchId);
            int n = outbox.retryFailed(tx, kind, batchId);
            if (n == 0) throw ValidationException.of("retry", "newsletter.error.nothing_to_retry");
            audit.record(
                    tx,
                    actor,
                    "newsletter.retry",
                    (what == What.DIGEST ? "digest:" : "alert:") + batchId,
                    n + " messages");
            return n;
        });
    }

    private Optional<Article> latest(String language) {
        return jdbi.withHandle(h ->
                        h.createQuery("""
                        SELECT id FROM articles WHERE language = :l AND status = 'published'
                        ORDER BY published_at DESC, id DESC LIMIT 1""").bind("l", language).mapTo(Long.class).findOne())
                .map(articles::find);
    }
}
