package org.wargeys.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.wargeys.article.Permissions;
import org.wargeys.newsletter.Alerts;
import org.wargeys.newsletter.Digests;
import org.wargeys.newsletter.NewsletterTools;
import org.wargeys.newsletter.Subscriptions;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.ValidationException;
import org.wargeys.web.PageRenderer;

/**
 * {@code /admin/subscribers}, for editors and administrators: readers' subscriptions per language, the
 * daily digest's time, a preview of each language's next digest and alert and the same sent as a test
 * to oneself, and the send history of alerts and digests with a retry of their failed messages.
 */
public final class SubscribersEditor {

    static final int HISTORY = 50;

    private final Newsroom n;
    private final Subscriptions subscriptions;
    private final Alerts alerts;
    private final Digests digests;
    private final NewsletterTools tools;

    SubscribersEditor(
            Newsroom newsroom, Subscriptions subscriptions, Alerts alerts, Digests digests, NewsletterTools tools) {
        this.n = newsroom;
        this.subscriptions = subscriptions;
        this.alerts = alerts;
        this.digests = digests;
        this.tools = tools;
    }

    public void show(Context ctx) {
        if (!allowed(ctx)) return;
        render(ctx, 200, Map.of(), null);
    }

    public void saveDigestTime(Context ctx) {
        if (!allowed(ctx)) return;
        String time = ctx.formParam("digest_time");
        try {
            digests.setTime(time, n.gate().actor(ctx));
        } catch (ValidationException e) {
            render(ctx, 400, n.layouts().messages(ctx).problems(e.problems()), time);
            return;
        }
        if (time == null || time.isBlank()) Flash.set(ctx, n.gate(), "newsroom.flash.digest_off");
        else Flash.set(ctx, n.gate(), "newsroom.flash.digest_time", Map.of("time", time.strip()));
        back(ctx);
    }

    /** The message itself, as a reader's mail program would show it. */
    public void preview(Context ctx) {
        if (!allowed(ctx)) return;
        var mail = tools.preview(what(ctx.queryParam("what")), language(ctx.queryParam("language")), email(ctx));
        if (mail.isEmpty()) {
            Flash.set(ctx, n.gate(), "newsroom.flash.newsletter_nothing");
            back(ctx);
            return;
        }
        StaffGate.noStore(ctx);
        // The mail's own inline styles, the site's images, nothing else.
        ctx.header(
                "Content-Security-Policy",
                "default-src 'none'; img-src 'self' https: http:; style-src 'unsafe-inline'; frame-ancestors 'none'");
        ctx.contentType(PageRenderer.HTML).result(mail.get().html());
    }

    public void sendTest(Context ctx) {
        if (!allowed(ctx)) return;
        var what = what(ctx.formParam("what"));
        String language = language(ctx.formParam("language"));
        String to = email(ctx);
        if (tools.sendTest(what, language, n.gate().actor(ctx), to))
            Flash.set(ctx, n.gate(), "newsroom.flash.newsletter_test", Map.of("email", to));
        else Flash.set(ctx, n.gate(), "newsroom.flash.newsletter_nothing");
        back(ctx);
    }

    public void retry(Context ctx) {
        if (!allowed(ctx)) return;
        String id = ctx.formParam("id");
        if (id == null || !id.matches("\\d{1,18}")) throw new NotFoundException("No send " + id);
        try {
            int n = tools.retryFailed(
                    what(ctx.formParam("what")),
                    Long.parseLong(id),
                    this.n.gate().actor(ctx));
            Flash.set(ctx, this.n.gate(), "newsroom.flash.newsletter_retry", Map.of("count", n));
        } catch (ValidationException e) {
            Flash.set(ctx, this.n.gate(), "newsroom.flash.newsletter_nothing_to_retry");
        }
        back(ctx);
    }

    private boolean allowed(Context ctx) {
        if (Permissions.isEditor(StaffGate.session(ctx).user())) return true;
        n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
        return false;
    }

    private static NewsletterTools.What what(String text) {
        if ("digest".equals(text)) return NewsletterTools.What.DIGEST;
        if ("alert".equals(text)) return NewsletterTools.What.ALERT;
        throw new NotFoundException("No newsletter message " + text);
    }

    private String language(String code) {
        if (code == null) throw new NotFoundException("No language");
        return n.site().languageOrNotFound(code).code();
    }

    private static String email(Context ctx) {
        return StaffGate.session(ctx).user().email();
    }

    private static void back(Context ctx) {
        ctx.redirect("/admin/subscribers", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, Map<String, String> errors, String time) {
        SubscribersPage page = new SubscribersPage(
                n.layouts().layout(ctx, "newsroom.subscribers.title"),
                subscriptions.confirmedPerLanguage(),
                alerts.history(HISTORY),
                time != null ? time : digests.time().map(Object::toString).orElse(""),
                n.site().timezone().getId(),
                email(ctx),
                digests.history(HISTORY),
                errors);
        ctx.status(status).contentType(PageRenderer.HTML).result(n.renderer().render("newsroom/subscribers.jte", page));
    }
}
