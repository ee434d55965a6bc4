package org.wargeys.desk;

import java.time.Duration;
import org.wargeys.article.ArticleModule;
import org.wargeys.mail.MailModule;
import org.wargeys.platform.Platform;
import org.wargeys.web.WebModule;

/**
 * The desk's notifications by mail (issue 16, docs/mail.md): each staff member's choice of what comes
 * by mail, and the mailer that queues it in the outbox after each commit that wrote notifications and
 * every 30 s (what another node wrote, what a crash left). Close it before the platform.
 */
public final class DeskMailModule implements AutoCloseable {

    static final Duration POLL = Duration.ofSeconds(30);

    private final NotificationMailSettings settings;
    private final NotificationMailer mailer;

    public DeskMailModule(Platform platform, WebModule web, ArticleModule articles, MailModule mail) {
        this.settings = new NotificationMailSettings(
                platform.database().jdbi(), platform.transactions(), platform.site(), platform.clock());
        this.mailer = new NotificationMailer(
                platform.transactions(),
                platform.database().dialect(),
                settings,
                mail.outbox(),
                web.bundles(),
                articles.service(),
                platform.site(),
                platform.clock(),
                mail.settings().configured());
        platform.events().subscribe(NotificationsCreated.class, e -> mailer.nudge());
        platform.jobs().every("Mailing notifications", POLL, POLL, mailer::nudge);
    }

    public NotificationMailSettings settings() {
        return settings;
    }

    public NotificationMailer mailer() {
        return mailer;
    }

    @Override
    public void close() {
        mailer.close();
    }
}
