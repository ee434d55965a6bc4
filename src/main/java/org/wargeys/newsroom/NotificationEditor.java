package org.wargeys.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wargeys.account.AccountService;
import org.wargeys.article.ArticleListing;
import org.wargeys.desk.Notification;
import org.wargeys.desk.NotificationKind;
import org.wargeys.desk.Notifications;
import org.wargeys.platform.NotFoundException;
import org.wargeys.web.Messages;
import org.wargeys.web.PageRenderer;

/**
 * {@code /admin/notifications}: the bell — submitted, returned, published, assigned, mentioned and
 * translation-behind notifications as sentences, newest first; opening one marks it read and goes to
 * its article (or its notes); all can be marked read at once.
 */
public final class NotificationEditor {

    static final int PAGE = 50;

    private final Newsroom n;
    private final Notifications notifications;
    private final ArticleListing listing;
    private final AccountService accounts;

    NotificationEditor(
            Newsroom newsroom, Notifications notifications, ArticleListing listing, AccountService accounts) {
        this.n = newsroom;
        this.notifications = notifications;
        this.listing = listing;
        this.accounts = accounts;
    }

    public void list(Context ctx) {
        NewsroomLayout layout = n.layouts().layout(ctx, "newsroom.notifications.title");
        Messages msg = layout.messages();
        String before = ctx.queryParam("before");
        Long beforeId = before != null && before.matches("\\d{1,18}") ? Long.valueOf(before) : null;
        List<Notification> list = notifications.of(layout.user().id(), beforeId, PAGE + 1);
        boolean more = list.size() > PAGE;
        if (more) list = list.subList(0, PAGE);
        Map<Long, ArticleListing.Row> articles = new HashMap<>();
        listing.rows(
                        list.stream()
                                .map(Notification::articleId)
                                .filter(java.util.Objects::nonNull)
                                .toList(),
                        layout.language().code())
                .forEach(r -> articles.put(r.article().id(), r));
        DeskEditor.Names names = new DeskEditor.Names(accounts, msg);
        Instant now = n.clock().instant();
        List<NotificationsPage.Line> lines = list.stream()
                .map(x -> line(x, articles.get(x.articleId()), names, msg, now))
                .toList();
        NotificationsPage page = new NotificationsPage(
                layout,
                lines,
                more
                        ? "/admin/notifications?before="
                                + list.get(list.size() - 1).id()
                        : null);
        ctx.contentType(PageRenderer.HTML).result(n.renderer().render("newsroom/notifications.jte", page));
    }

    /** Opens a notification: marks it read and goes to what it is about. */
    public void open(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("\\d{1,18}")) throw new NotFoundException("No notification " + id);
        Notification x = notifications
                .open(StaffGate.session(ctx).user().id(), Long.parseLong(id))
                .orElseThrow(() -> new NotFoundException("No notification " + id));
        ctx.redirect(x.newsroomPath(), HttpStatus.SEE_OTHER);
    }

    public void readAll(Context ctx) {
        int read = notifications.markAllRead(StaffGate.session(ctx).user().id());
        Flash.set(ctx, n.gate(), "newsroom.flash.notifications_read", Map.of("count", read));
        ctx.redirect("/admin/notifications", HttpStatus.SEE_OTHER);
    }

    private NotificationsPage.Line line(
            Notification x, ArticleListing.Row row, DeskEditor.Names names, Messages msg, Instant now) {
        String key = "newsroom.notification." + x.kind().code();
        if (x.kind() == NotificationKind.ASSIGNED && x.language() != null) key += "_translation";
        String text = msg.format(
                key,
                Map.of(
                        "actor",
                        names.ofId(x.actorId()),
                        "language",
                        x.language() == null ? "" : msg.languageName(x.language())));
        int at = text.indexOf("{target}");
        String before = at < 0 ? text : text.substring(0, at);
        String after = at < 0 ? "" : text.substring(at + "{target}".length());
        String headline = row == null
                ? msg.get("newsroom.notification.gone")
                : row.article().headline();
        return new NotificationsPage.Line(
                x.id(),
                x.kind().code(),
                x.unread(),
                before,
                headline,
                row == null ? msg.language().code() : row.article().language(),
                after,
                "/admin/notifications/" + x.id(),
                Times.brief(x.createdAt(), msg, n.site().timezone(), now),
                Times.iso(x.createdAt()));
    }
}
