package org.wargeys.newsroom;

import io.javalin.http.Context;
import org.wargeys.article.Permissions;
import org.wargeys.newsletter.Alerts;
import org.wargeys.newsletter.Subscriptions;
import org.wargeys.web.PageRenderer;

/** {@code /admin/subscribers}: readers' subscriptions per language and the alerts sent, for editors. */
public final class SubscribersEditor {

    static final int HISTORY = 50;

    private final Newsroom n;
    private final Subscriptions subscriptions;
    private final Alerts alerts;

    SubscribersEditor(Newsroom newsroom, Subscriptions subscriptions, Alerts alerts) {
        this.n = newsroom;
        this.subscriptions = subscriptions;
        this.alerts = alerts;
    }

    public void show(Context ctx) {
        if (!Permissions.isEditor(StaffGate.session(ctx).user())) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        SubscribersPage page = new SubscribersPage(
                n.layouts().layout(ctx, "newsroom.subscribers.title"),
                subscriptions.confirmedPerLanguage(),
                alerts.history(HISTORY));
        ctx.contentType(PageRenderer.HTML).result(n.renderer().render("newsroom/subscribers.jte", page));
    }
}
