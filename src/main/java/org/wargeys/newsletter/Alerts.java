package org.wargeys.newsletter;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleService;
import org.wargeys.article.ArticleWorkflow;
import org.wargeys.article.WorkflowStep;
import org.wargeys.mail.MailOutbox;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditLog;
import org.wargeys.platform.Transactions;
import org.wargeys.platform.Tx;
import org.wargeys.platform.ValidationException;

/**
 * Breaking-news alerts: when an editor publishes with "Send to subscribers" ticked, the article goes
 * live and its alert is queued to its language's confirmed subscribers who asked for alerts (and
 * chose no section, or its section) on the same transaction: published without its alert, or alerted without being
 * published, cannot happen. One alert per article per language, ever (a table constraint): publishing
 * again after taking it down sends nothing. Recipients are read in pages, never all at once.
 * Thread-safe.
 */
public final class Alerts {

    static final int PAGE = 500;

    /** One alert sent, for the newsroom's send history, with what became of its messages. */
    public record Sent(
            long id,
            long articleId,
            String language,
            String subject,
            int recipients,
            String sentBy,
            Instant createdAt,
            int queued,
            int delivered,
            int failed) {}

    private final org.jdbi.v3.core.Jdbi jdbi;
    private final Transactions transactions;
    private final ArticleWorkflow workflow;
    private final ArticleService articles;
    private final MailOutbox outbox;
    private final NewsletterMails mails;
    private final Subscriptions subscriptions;
    private final AuditLog audit;
    private final Clock clock;

    Alerts(
            org.jdbi.v3.core.Jdbi jdbi,
            Transactions transactions,
            ArticleWorkflow workflow,
            ArticleService articles,
            MailOutbox outbox,
            NewsletterMails mails,
            Subscriptions subscriptions,
            AuditLog audit,
            Clock clock) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.workflow = workflow;
        this.articles = articles;
        this.outbox = outbox;
        this.mails = mails;
        this.subscriptions = subscriptions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Publishes the article and queues its alert, on one transaction; returns the article as published. */
    public Article publishAndAlert(long articleId, Actor actor) {
        return transactions.write(tx -> {
            Article published = workflow.take(articleId, WorkflowStep.PUBLISH, null, actor);
            alert(tx, published, actor);
            return published;
        });
    }

    /**
     * Queues the alert of a published article (a translation published earlier); returns how many
     * subscribers it goes to, or empty when its language's alert for it was sent already.
     */
    public Optional<Integer> alert(long articleId, Actor actor) {
        return transactions.write(tx -> {
            Article article = articles.find(tx, articleId);
            if (!article.isPublished()) throw ValidationException.of("alert", "newsletter.error.not_published");
            return alert(tx, article, actor);
        });
    }

    private Optional<Integer> alert(Tx tx, Article article, Actor actor) {
        var h = tx.handle();
        String subject = article.headline();
        Optional<Long> created = h.createQuery("""
                        INSERT INTO newsletter_alerts (article_id, language, subject, recipients, sent_by, created_at)
                        VALUES (:article, :language, :subject, 0, :by, :now)
                        ON CONFLICT (article_id, language) DO NOTHING
                        RETURNING id""")
                .bind("article", article.id())
                .bind("language", article.language())
                .bind("subject", subject)
                .bind("by", actor.name())
                .bind("now", clock.millis())
                .mapTo(Long.class)
                .findOne();
        if (created.isEmpty()) return Optional.empty();
        long alertId = created.get();
        String section = article.sectionId() == null
                ? null
                : h.createQuery("SELECT key FROM sections WHERE id = :id")
                        .bind("id", article.sectionId())
                        .mapTo(String.class)
                        .one();
        int count = 0;
        long after = 0;
        while (true) {
            List<Subscriber> page = h.createQuery("SELECT " + SubscriberRepository.COLUMNS + """
                             FROM subscribers WHERE language = :language AND status = 'confirmed' AND alerts = 1 AND id > :after
                            ORDER BY id LIMIT :limit""")
                    .bind("language", article.language())
                    .bind("after", after)
                    .bind("limit", PAGE)
                    .map((rs, ctx) -> SubscriberRepository.subscriber(rs))
                    .list();
            if (page.isEmpty()) break;
            for (Subscriber s : page) {
                if (!s.wants(section)) continue;
                var mail = mails.alert(alertId, article, s.address(), subscriptions.manageToken(s));
                if (outbox.queue(tx, mail).isPresent()) count++;
            }
            after = page.get(page.size() - 1).id();
        }
        h.createUpdate("UPDATE newsletter_alerts SET recipients = :n WHERE id = :id")
                .bind("n", count)
                .bind("id", alertId)
                .execute();
        audit.record(
                tx,
                actor,
                "newsletter.alert",
                "article:" + article.id(),
                article.language() + ", " + count + " subscribers");
        return Optional.of(count);
    }

    /** Whether the article's alert was sent (the editor shows it instead of the box). */
    public boolean alerted(long articleId) {
        // A read (every editor page asks): never the writer's lock.
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM newsletter_alerts WHERE article_id = :id")
                        .bind("id", articleId)
                        .mapTo(Integer.class)
                        .one()
                > 0);
    }

    /** The latest alerts, newest first, with the state of their messages. */
    public List<Sent> history(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.id, a.article_id, a.language, a.subject, a.recipients, a.sent_by, a.created_at, """ + Digests.sendCounts("a", "newsletter-alert") + """
                        FROM newsletter_alerts a ORDER BY a.created_at DESC, a.id DESC LIMIT :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> new Sent(
                        rs.getLong("id"),
                        rs.getLong("article_id"),
                        rs.getString("language"),
                        rs.getString("subject"),
                        rs.getInt("recipients"),
                        rs.getString("sent_by"),
                        Instant.ofEpochMilli(rs.getLong("created_at")),
                        rs.getInt("queued"),
                        rs.getInt("delivered"),
                        rs.getInt("failed")))
                .list());
    }
}
