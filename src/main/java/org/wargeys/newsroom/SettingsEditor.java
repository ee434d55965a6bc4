package org.wargeys.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.wargeys.article.Permissions;
import org.wargeys.feed.FeedSettings;
import org.wargeys.platform.EventBus;
import org.wargeys.platform.ValidationException;
import org.wargeys.search.RebuildSearchIndex;
import org.wargeys.web.EmptyPageCache;
import org.wargeys.web.PageRenderer;

/**
 * {@code /admin/settings}, administrators only: whether feeds carry whole articles or summaries, and
 * the two operator actions a running site needs — rebuild the search index (the site keeps serving;
 * no need to stop it for {@code ./wargeys reindex}) and empty the page cache. Both actions are events,
 * so that every node of the site carries them out. Every change is audited.
 */
public final class SettingsEditor {

    private static final Set<String> NOTICES = Set.of("saved", "rebuilding", "emptied");

    private final Newsroom n;
    private final FeedSettings feeds;
    private final org.wargeys.sharing.SiteXAccount xAccount;
    private final EventBus events;
    private final IntSupplier indexedArticles;
    private final BooleanSupplier indexRebuilding;
    private final LongSupplier cachedPages;

    SettingsEditor(
            Newsroom newsroom,
            FeedSettings feeds,
            org.wargeys.sharing.SiteXAccount xAccount,
            EventBus events,
            IntSupplier indexedArticles,
            BooleanSupplier indexRebuilding,
            LongSupplier cachedPages) {
        this.n = newsroom;
        this.feeds = feeds;
        this.xAccount = xAccount;
        this.events = events;
        this.indexedArticles = indexedArticles;
        this.indexRebuilding = indexRebuilding;
        this.cachedPages = cachedPages;
    }

    public void show(Context ctx) {
        if (refused(ctx)) return;
        render(ctx, 200, ctx.queryParam("notice"), xAccount.stored().orElse(""), Map.of());
    }

    private void render(Context ctx, int status, String notice, String xHandle, Map<String, String> errors) {
        SettingsPage page = new SettingsPage(
                n.layouts().layout(ctx, "newsroom.settings.title"),
                feeds.fullContent(),
                xHandle,
                xAccount.handle(),
                errors,
                indexedArticles.getAsInt(),
                indexRebuilding.getAsBoolean(),
                cachedPages.getAsLong(),
                notice != null && NOTICES.contains(notice) ? notice : null);
        ctx.status(status).contentType(PageRenderer.HTML).result(n.renderer().render("newsroom/settings.jte", page));
    }

    /** The site's X account, named on every article page (twitter:site) and in X share links. */
    public void saveSharing(Context ctx) {
        if (refused(ctx)) return;
        String typed = ctx.formParam("x_handle");
        try {
            xAccount.set(typed, n.gate().actor(ctx));
        } catch (ValidationException e) {
            render(
                    ctx,
                    400,
                    null,
                    typed == null ? "" : typed,
                    n.layouts().messages(ctx).problems(e.problems()));
            return;
        }
        ctx.redirect("/admin/settings?notice=saved", HttpStatus.SEE_OTHER);
    }

    public void saveFeeds(Context ctx) {
        if (refused(ctx)) return;
        String content = ctx.formParam("feed_content");
        if (!"full".equals(content) && !"summary".equals(content)) {
            n.gate().refuse(ctx, 400, "newsroom.settings.feed_content_invalid");
            return;
        }
        feeds.setFullContent("full".equals(content), n.gate().actor(ctx));
        ctx.redirect("/admin/settings?notice=saved", HttpStatus.SEE_OTHER);
    }

    public void rebuildSearchIndex(Context ctx) {
        if (refused(ctx)) return;
        n.audit().record(n.gate().actor(ctx), "search.rebuild", "site", null);
        events.publish(new RebuildSearchIndex("an administrator asked for it"));
        ctx.redirect("/admin/settings?notice=rebuilding", HttpStatus.SEE_OTHER);
    }

    public void emptyPageCache(Context ctx) {
        if (refused(ctx)) return;
        n.audit().record(n.gate().actor(ctx), "cache.empty", "site", null);
        events.publish(new EmptyPageCache());
        ctx.redirect("/admin/settings?notice=emptied", HttpStatus.SEE_OTHER);
    }

    private boolean refused(Context ctx) {
        if (Permissions.mayManageSite(StaffGate.session(ctx).user())) return false;
        n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
        return true;
    }
}
