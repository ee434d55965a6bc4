package org.wargeys.webhook;

import java.time.Duration;
import org.wargeys.article.ArticleEvent;
import org.wargeys.article.ArticleModule;
import org.wargeys.platform.Platform;

/**
 * Webhooks (docs/api.md): endpoints administrators register, the outbox that queues an event's
 * deliveries on the transaction of its change, and the worker that delivers them, signed per Standard
 * Webhooks, with retries for a day. Close it before the platform.
 */
public final class WebhookModule implements AutoCloseable {

    /** How often each node looks for due deliveries (retries, and what other nodes queued). */
    static final Duration POLL = Duration.ofSeconds(5);

    private final WebhookEndpoints endpoints;
    private final WebhookOutbox outbox;
    private final WebhookWorker worker;

    public WebhookModule(Platform platform, ArticleModule articles) {
        var jdbi = platform.database().jdbi();
        boolean allowPrivate = Boolean.parseBoolean(platform.config()
                .settings()
                .getOrDefault("webhook.allow_private_targets", "false")
                .strip());
        Targets targets = new Targets(allowPrivate);
        this.endpoints =
                new WebhookEndpoints(jdbi, platform.transactions(), platform.audit(), targets, platform.clock());
        this.outbox = new WebhookOutbox(articles.service(), articles.paths(), platform.site(), platform.clock());
        this.worker = new WebhookWorker(
                platform.database(), platform.transactions(), platform.audit(), endpoints, targets, platform.clock());
        platform.events().subscribeWithin(ArticleEvent.class, outbox::onArticleEvent);
        platform.events().subscribe(WebhookQueued.class, e -> worker.nudge());
        platform.jobs().every("Delivering webhooks", POLL, POLL, worker::nudge);
        platform.jobs()
                .every(
                        "Pruning the webhook log",
                        Duration.ofHours(1),
                        Duration.ofHours(24),
                        () -> jdbi.useHandle(
                                h -> h.createUpdate("DELETE FROM webhook_events WHERE created_at < :before")
                                        .bind(
                                                "before",
                                                platform.clock()
                                                        .instant()
                                                        .minus(Duration.ofDays(30))
                                                        .toEpochMilli())
                                        .execute()));
    }

    public WebhookEndpoints endpoints() {
        return endpoints;
    }

    public WebhookOutbox outbox() {
        return outbox;
    }

    /** Delivers what is due now on the calling thread (tests, after moving their clock); returns how many. */
    public int deliverDue() {
        return worker.deliverDue();
    }

    /** How many HTTP attempts this node made. */
    public long attempts() {
        return worker.sent();
    }

    /** Deliveries waiting to be sent or being sent, by every node (the outbox's depth, for metrics). */
    public long waiting() {
        return worker.waiting();
    }

    /** Deliveries given up after their last attempt, by every node. */
    public long failed() {
        return worker.failed();
    }

    @Override
    public void close() {
        worker.close();
    }
}
