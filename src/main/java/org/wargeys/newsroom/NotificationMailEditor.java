package org.wargeys.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.wargeys.desk.NotificationKind;
import org.wargeys.desk.NotificationMailSettings;
import org.wargeys.platform.ValidationException;
import org.wargeys.web.PageRenderer;

/**
 * {@code /admin/account/notifications}: a staff member chooses which notifications also come by mail
 * (one box a kind) and the language of that mail. Their own choice only: no one sets another's.
 */
public final class NotificationMailEditor {

    private final Newsroom n;
    private final NotificationMailSettings settings;

    NotificationMailEditor(Newsroom newsroom, NotificationMailSettings settings) {
        this.n = newsroom;
        this.settings = settings;
    }

    public void show(Context ctx) {
        long user = StaffGate.session(ctx).user().id();
        render(ctx, 200, settings.of(user), Map.of());
    }

    public void save(Context ctx) {
        long user = StaffGate.session(ctx).user().id();
        EnumSet<NotificationKind> mailed = EnumSet.noneOf(NotificationKind.class);
        for (String code : ctx.formParams("kind")) {
            for (NotificationKind k : NotificationKind.values()) if (k.code().equals(code)) mailed.add(k);
        }
        String language = ctx.formParam("language");
        try {
            settings.save(user, language, mailed);
        } catch (ValidationException e) {
            render(
                    ctx,
                    400,
                    new NotificationMailSettings.Choice(settings.of(user).language(), mailed),
                    n.layouts().messages(ctx).problems(e.problems()));
            return;
        }
        Flash.set(ctx, n.gate(), "newsroom.flash.notification_mail_saved");
        ctx.redirect("/admin/account/notifications", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, NotificationMailSettings.Choice choice, Map<String, String> errors) {
        NewsroomLayout layout = n.layouts().layout(ctx, "newsroom.notification_mail.title");
        var page = new NotificationMailPage(
                layout, choice.language(), List.of(NotificationKind.values()), choice.mailed(), errors);
        ctx.status(status)
                .contentType(PageRenderer.HTML)
                .result(n.renderer().render("newsroom/notification-mail.jte", page));
    }
}
