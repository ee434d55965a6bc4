package org.wargeys.desk;

import org.wargeys.account.AccountModule;
import org.wargeys.article.ArticleChangeProposed;
import org.wargeys.article.ArticleModule;
import org.wargeys.article.ArticleSaved;
import org.wargeys.article.ArticleStepTaken;
import org.wargeys.platform.Platform;

/**
 * The desk: assignments (who is on what, by when), internal notes with @mentions, the notifications
 * behind the newsroom's bell, and the dashboard's questions. Its listeners hear the article workflow
 * on the change's own transaction, so a notification commits with what it tells of.
 */
public final class DeskModule {

    private final Notifications notifications;
    private final Assignments assignments;
    private final Notes notes;
    private final DeskQueries queries;

    public DeskModule(Platform platform, AccountModule accounts, ArticleModule articles) {
        var jdbi = platform.database().jdbi();
        this.notifications = new Notifications(jdbi, platform.transactions(), platform.clock());
        this.assignments = new Assignments(
                jdbi,
                platform.transactions(),
                notifications,
                platform.audit(),
                accounts.accounts(),
                articles.service(),
                articles.origins(),
                platform.site(),
                platform.clock());
        this.notes = new Notes(
                jdbi,
                platform.transactions(),
                notifications,
                platform.audit(),
                accounts.accounts(),
                articles.service(),
                platform.clock());
        this.queries = new DeskQueries(jdbi);
        DeskListeners listeners = new DeskListeners(notifications, assignments);
        platform.events().subscribeWithin(ArticleStepTaken.class, listeners::stepTaken);
        platform.events().subscribeWithin(ArticleSaved.class, listeners::saved);
        platform.events().subscribeWithin(ArticleChangeProposed.class, listeners::changeProposed);
    }

    public Notifications notifications() {
        return notifications;
    }

    public Assignments assignments() {
        return assignments;
    }

    public Notes notes() {
        return notes;
    }

    public DeskQueries queries() {
        return queries;
    }
}
