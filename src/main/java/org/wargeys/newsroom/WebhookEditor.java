package org.wargeys.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wargeys.article.Permissions;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.ValidationException;
import org.wargeys.web.PageRenderer;
import org.wargeys.webhook.EventType;
import org.wargeys.webhook.WebhookEndpoints;

/**
 * {@code /admin/webhooks}, administrators only: register endpoints and choose their events; each
 * endpoint's page shows its signing secret, its delivery log (status, duration, answer) with a
 * redeliver button, and pauses, resumes or deletes it. An endpoint paused after a day of failures says
 * so in the list.
 */
public final class WebhookEditor {

    static final int LOG = 50;

    private final Newsroom n;
    private final WebhookEndpoints endpoints;

    WebhookEditor(Newsroom newsroom, WebhookEndpoints endpoints) {
        this.n = newsroom;
        this.endpoints = endpoints;
    }

    public void list(Context ctx) {
        if (!administrator(ctx)) return;
        render(ctx, 200, null, Map.of(), notice(ctx));
    }

    public void register(Context ctx) {
        if (!administrator(ctx)) return;
        try {
            var endpoint = endpoints.register(
                    ctx.formParam("url"),
                    ctx.formParam("description"),
                    events(ctx),
                    n.gate().actor(ctx));
            ctx.redirect("/admin/webhooks/" + endpoint.id() + "?notice=saved", HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            render(ctx, 400, null, n.layouts().messages(ctx).problems(e.problems()), null);
        }
    }

    public void show(Context ctx) {
        if (!administrator(ctx)) return;
        render(ctx, 200, id(ctx, "id"), Map.of(), notice(ctx));
    }

    public void update(Context ctx) {
        if (!administrator(ctx)) return;
        long id = id(ctx, "id");
        try {
            endpoints.update(
                    id,
                    ctx.formParam("url"),
                    ctx.formParam("description"),
                    events(ctx),
                    n.gate().actor(ctx));
            ctx.redirect("/admin/webhooks/" + id + "?notice=saved", HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            render(ctx, 400, id, n.layouts().messages(ctx).problems(e.problems()), null);
        }
    }

    public void pause(Context ctx) {
        if (!administrator(ctx)) return;
        long id = id(ctx, "id");
        endpoints.pause(id, n.gate().actor(ctx));
        ctx.redirect("/admin/webhooks/" + id + "?notice=paused", HttpStatus.SEE_OTHER);
    }

    public void resume(Context ctx) {
        if (!administrator(ctx)) return;
        long id = id(ctx, "id");
        endpoints.resume(id, n.gate().actor(ctx));
        ctx.redirect("/admin/webhooks/" + id + "?notice=resumed", HttpStatus.SEE_OTHER);
    }

    public void delete(Context ctx) {
        if (!administrator(ctx)) return;
        endpoints.delete(id(ctx, "id"), n.gate().actor(ctx));
        ctx.redirect("/admin/webhooks?notice=deleted", HttpStatus.SEE_OTHER);
    }

    public void redeliver(Context ctx) {
        if (!administrator(ctx)) return;
        long id = id(ctx, "id");
        var delivery = endpoints.delivery(id(ctx, "delivery"));
        if (delivery.endpointId() != id) throw new NotFoundException("No delivery " + delivery.id() + " of " + id);
        endpoints.redeliver(delivery.id(), n.gate().actor(ctx));
        ctx.redirect("/admin/webhooks/" + id + "?notice=redelivered", HttpStatus.SEE_OTHER);
    }

    private boolean administrator(Context ctx) {
        if (Permissions.mayManageSite(StaffGate.session(ctx).user())) return true;
        n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
        return false;
    }

    private static Set<EventType> events(Context ctx) {
        Set<EventType> events = EnumSet.noneOf(EventType.class);
        for (String code : ctx.formParams("events")) EventType.of(code).ifPresent(events::add);
        return events;
    }

    private static String notice(Context ctx) {
        String notice = ctx.queryParam("notice");
        return notice != null && notice.matches("saved|paused|resumed|deleted|redelivered")
                ? "newsroom.webhooks.notice." + notice
                : null;
    }

    private static long id(Context ctx, String name) {
        String id = ctx.pathParam(name);
        if (!id.matches("\\d{1,18}")) throw new NotFoundException("No " + name + " " + id);
        return Long.parseLong(id);
    }

    private void render(Context ctx, int status, Long id, Map<String, String> errors, String notice) {
        var endpoint = id == null ? null : endpoints.find(id);
        WebhooksPage page = new WebhooksPage(
                n.layouts().layout(ctx, "newsroom.webhooks.title"),
                endpoints.list(),
                List.of(EventType.values()),
                endpoint,
                id == null ? List.of() : endpoints.deliveries(id, LOG),
                errors,
                notice);
        ctx.status(status)
                .contentType(PageRenderer.HTML)
                .result(n.renderer().render(id == null ? "newsroom/webhooks.jte" : "newsroom/webhook.jte", page));
    }
}
