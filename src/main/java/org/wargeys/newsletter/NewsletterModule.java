package org.wargeys.newsletter;

import java.time.Duration;
import org.wargeys.article.ArticleModule;
import org.wargeys.mail.MailModule;
import org.wargeys.media.MediaModule;
import org.wargeys.platform.Platform;
import org.wargeys.web.WebModule;

/**
 * Readers' newsletters (docs/mail.md): subscriptions with double opt-in, the pages their signed links
 * lead to, and breaking-news alerts, all mailed through the mail module's outbox.
 */
public final class NewsletterModule {

    private final Subscriptions subscriptions;
    private final Alerts alerts;
    private final NewsletterPages pages;
    private final Digests digests;
    private final NewsletterTools tools;

    /** How often each node looks whether a digest is due (and resumes one a crash interrupted). */
    static final Duration DIGEST_POLL = Duration.ofMinutes(1);

    public NewsletterModule(
            Platform platform, WebModule web, ArticleModule articles, MediaModule media, MailModule mail) {
        LinkSigner signer = new LinkSigner();
        NewsletterMails mails = new NewsletterMails(
                platform.site(), web.bundles(), web.renderer(), articles.paths(), media.service()::featured);
        this.subscriptions = new Subscriptions(
                platform.transactions(),
                signer,
                mail.outbox(),
                mails,
                articles.taxonomy(),
                platform.site(),
                platform.clock());
        this.alerts = new Alerts(
                platform.database().jdbi(),
                platform.transactions(),
                articles.workflow(),
                articles.service(),
                mail.outbox(),
                mails,
                subscriptions,
                platform.audit(),
                platform.clock());
        this.digests = new Digests(
                platform.database().jdbi(),
                platform.transactions(),
                articles.service(),
                mail.outbox(),
                mails,
                subscriptions,
                platform.audit(),
                platform.site(),
                platform.clock());
        this.tools = new NewsletterTools(
                platform.database().jdbi(),
                platform.transactions(),
                articles.service(),
                mail.outbox(),
                mails,
                digests,
                platform.audit(),
                platform.site(),
                platform.clock());
        // A digest to many subscribers takes a while: on the thread for long work, not the scheduler's
        // (scheduled publication must not wait for it), and one run at a time.
        java.util.concurrent.atomic.AtomicBoolean digesting = new java.util.concurrent.atomic.AtomicBoolean();
        platform.jobs().every("Daily digest", DIGEST_POLL, DIGEST_POLL, () -> {
            if (!digesting.compareAndSet(false, true)) return;
            try {
                platform.jobs().background().execute(() -> {
                    try {
                        digests.run();
                    } catch (RuntimeException e) {
                        org.slf4j.LoggerFactory.getLogger(Digests.class).error("The daily digest failed", e);
                    } finally {
                        digesting.set(false);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                digesting.set(false);
            }
        });
        this.pages =
                new NewsletterPages(platform.site(), subscriptions, articles.taxonomy(), web.layouts(), web.renderer());
        platform.jobs()
                .every(
                        "Forgetting unconfirmed subscriptions",
                        Duration.ofMinutes(30),
                        Duration.ofHours(6),
                        subscriptions::forgetUnconfirmed);
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    public Alerts alerts() {
        return alerts;
    }

    public Digests digests() {
        return digests;
    }

    /** The newsroom's tools: previews, a test to oneself, a retry of failed messages. */
    public NewsletterTools tools() {
        return tools;
    }

    public NewsletterPages pages() {
        return pages;
    }
}
