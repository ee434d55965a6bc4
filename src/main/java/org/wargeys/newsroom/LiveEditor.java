package org.wargeys.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wargeys.account.User;
import org.wargeys.article.Article;
import org.wargeys.article.Permissions;
import org.wargeys.live.LiveBlog;
import org.wargeys.live.LiveEntry;
import org.wargeys.live.LiveEntryDraft;
import org.wargeys.live.LiveModule;
import org.wargeys.live.LiveRefused;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.ValidationException;
import org.wargeys.web.Messages;
import org.wargeys.web.PageRenderer;

/**
 * {@code /admin/articles/{id}/live}: a live article for staff (issue 17). The composer is a plain
 * form (CSRF, the text kept as typed on an error, localized messages) that works on a phone without
 * JavaScript: post, and the empty box is back for the next entry. Editors turn the article live and
 * close the coverage; translators translate the queue of source entries on their translation.
 */
public final class LiveEditor {

    static final int LISTED = 50;

    private final Newsroom n;
    private final LiveModule live;
    private final ArticleEditor editor;

    LiveEditor(Newsroom newsroom, LiveModule live, ArticleEditor editor) {
        this.n = newsroom;
        this.live = live;
        this.editor = editor;
    }

    public void show(Context ctx) {
        Article article = editor.article(ctx);
        String edit = ctx.queryParam("edit");
        Long editing = edit != null && edit.matches("\\d{1,18}") ? Long.parseLong(edit) : null;
        LiveDeskPage.Form form = LiveDeskPage.Form.EMPTY;
        if (editing != null) {
            LiveEntry entry = live.reads()
                    .entry(editing)
                    .filter(e -> e.articleId() == article.id())
                    .orElseThrow(() -> new NotFoundException("No entry " + edit));
            form = new LiveDeskPage.Form(
                    entry.body(),
                    entry.quote() == null ? "" : entry.quote(),
                    entry.mediaId() == null ? "" : String.valueOf(entry.mediaId()),
                    entry.imageAlt() == null ? "" : entry.imageAlt(),
                    entry.keyEvent(),
                    "");
        }
        render(ctx, 200, article, form, editing, Map.of());
    }

    public void start(Context ctx) {
        coverage(
                ctx,
                "newsroom.flash.live_started",
                (article, user) ->
                        live.blogs().start(article.id(), user, n.gate().actor(ctx)));
    }

    public void end(Context ctx) {
        coverage(
                ctx,
                "newsroom.flash.live_ended",
                (article, user) -> live.blogs().end(article.id(), user, n.gate().actor(ctx)));
    }

    public void originals(Context ctx) {
        boolean show = "1".equals(ctx.formParam("show"));
        coverage(
                ctx,
                "newsroom.flash.live_originals",
                (article, user) -> live.blogs()
                        .showOriginals(article.id(), show, user, n.gate().actor(ctx)));
    }

    /** Posts a new entry, or (with {@code source}) the translation of a source entry. */
    public void post(Context ctx) {
        Article article = editor.article(ctx);
        LiveDeskPage.Form form = form(ctx);
        User user = StaffGate.session(ctx).user();
        // The composer's script posts with Accept: application/json and stays on the page.
        boolean script = String.valueOf(ctx.header("Accept")).startsWith("application/json");
        LiveEntry posted;
        try {
            LiveEntryDraft draft = draft(form);
            if (form.sourceEntry().matches("\\d{1,18}")) {
                posted = live.blogs()
                        .translate(
                                article.id(),
                                Long.parseLong(form.sourceEntry()),
                                draft,
                                user,
                                n.gate().actor(ctx));
            } else {
                posted = live.blogs().post(article.id(), draft, user, n.gate().actor(ctx));
            }
        } catch (ValidationException e) {
            Map<String, String> problems = n.layouts().messages(ctx).problems(e.problems());
            if (script) {
                json(ctx, 400, Map.of("errors", problems));
                return;
            }
            render(ctx, 400, article, form, null, problems);
            return;
        } catch (LiveRefused e) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        if (script) {
            Messages msg = n.layouts().messages(ctx);
            String html = n.renderer()
                    .render(
                            "newsroom/live-line.jte",
                            Map.<String, Object>of(
                                    "e",
                                    line(
                                            posted,
                                            msg,
                                            n.site().timezone(),
                                            n.clock().instant()),
                                    "articleId",
                                    article.id(),
                                    "language",
                                    article.language(),
                                    "csrf",
                                    StaffGate.session(ctx).csrfToken(),
                                    "msg",
                                    msg));
            json(ctx, 200, Map.of("message", msg.get("newsroom.flash.live_posted"), "html", html));
            return;
        }
        Flash.set(ctx, n.gate(), "newsroom.flash.live_posted");
        ctx.redirect("/admin/articles/" + article.id() + "/live", HttpStatus.SEE_OTHER);
    }

    public void edit(Context ctx) {
        LiveEntry entry = entry(ctx);
        Article article = editor.article(String.valueOf(entry.articleId()));
        LiveDeskPage.Form form = form(ctx);
        try {
            live.blogs()
                    .edit(
                            entry.id(),
                            draft(form),
                            StaffGate.session(ctx).user(),
                            n.gate().actor(ctx));
        } catch (ValidationException e) {
            render(
                    ctx,
                    400,
                    article,
                    form,
                    entry.id(),
                    n.layouts().messages(ctx).problems(e.problems()));
            return;
        } catch (LiveRefused e) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        Flash.set(ctx, n.gate(), "newsroom.flash.live_saved");
        ctx.redirect("/admin/articles/" + article.id() + "/live", HttpStatus.SEE_OTHER);
    }

    public void delete(Context ctx) {
        LiveEntry entry = entry(ctx);
        try {
            live.blogs()
                    .delete(entry.id(), StaffGate.session(ctx).user(), n.gate().actor(ctx));
        } catch (LiveRefused e) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        Flash.set(ctx, n.gate(), "newsroom.flash.live_deleted");
        ctx.redirect("/admin/articles/" + entry.articleId() + "/live", HttpStatus.SEE_OTHER);
    }

    private interface CoverageChange {
        LiveBlog apply(Article article, User user);
    }

    private void coverage(Context ctx, String flash, CoverageChange change) {
        Article article = editor.article(ctx);
        try {
            change.apply(article, StaffGate.session(ctx).user());
        } catch (LiveRefused e) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        } catch (ValidationException e) {
            render(
                    ctx,
                    400,
                    article,
                    LiveDeskPage.Form.EMPTY,
                    null,
                    n.layouts().messages(ctx).problems(e.problems()));
            return;
        }
        Flash.set(ctx, n.gate(), flash);
        ctx.redirect("/admin/articles/" + article.id() + "/live", HttpStatus.SEE_OTHER);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private static void json(Context ctx, int status, Map<String, Object> body) {
        StaffGate.noStore(ctx);
        try {
            ctx.status(status).contentType("application/json; charset=utf-8").result(JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private LiveEntry entry(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("\\d{1,18}")) throw new NotFoundException("No entry " + id);
        return live.reads().entry(Long.parseLong(id)).orElseThrow(() -> new NotFoundException("No entry " + id));
    }

    private static LiveDeskPage.Form form(Context ctx) {
        return new LiveDeskPage.Form(
                value(ctx, "text"),
                value(ctx, "quote"),
                value(ctx, "media").strip(),
                value(ctx, "alt"),
                "1".equals(ctx.formParam("key_event")),
                value(ctx, "source").strip());
    }

    private static String value(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v;
    }

    private static LiveEntryDraft draft(LiveDeskPage.Form form) {
        Long media = null;
        if (!form.media().isEmpty()) {
            if (!form.media().matches("\\d{1,18}")) throw ValidationException.of("media", "live.error.image_unknown");
            media = Long.parseLong(form.media());
        }
        return new LiveEntryDraft(form.text(), form.quote(), media, form.alt(), form.keyEvent());
    }

    private void render(
            Context ctx,
            int status,
            Article article,
            LiveDeskPage.Form form,
            Long editing,
            Map<String, String> errors) {
        // The composer's own script posts without leaving the page; the form works without it.
        NewsroomLayout layout = n.layouts().layout(ctx, "newsroom.live.title").withScript("live-composer.js");
        Messages msg = layout.messages();
        User user = layout.user();
        var zone = n.site().timezone();
        var now = n.clock().instant();
        Optional<LiveBlog> blog = live.reads().blog(article.translationGroupId());
        String state = blog.map(b -> b.isLive() ? "live" : "ended").orElse("none");
        String stateText = blog.map(b -> b.isLive()
                        ? msg.format(
                                "newsroom.live.running", Map.of("time", Times.zoned(b.startedAt(), msg, zone, now)))
                        : msg.format("newsroom.live.ended", Map.of("time", Times.zoned(b.endedAt(), msg, zone, now))))
                .orElse(msg.get("newsroom.live.not_live"));
        boolean source =
                blog.map(b -> b.sourceLanguage().equals(article.language())).orElse(true);
        List<LiveDeskPage.EntryLine> entries = blog.map(
                        b -> live.reads().entries(b, article.language(), null, LISTED).stream()
                                .filter(e -> !e.original())
                                .map(e -> line(e, msg, zone, now))
                                .toList())
                .orElse(List.of());
        List<LiveDeskPage.EntryLine> queue = blog.filter(
                        b -> !b.sourceLanguage().equals(article.language()))
                .map(b -> live.reads().queue(b, article.language()).stream()
                        .map(e -> line(e, msg, zone, now))
                        .toList())
                .orElse(List.of());
        LiveDeskPage page = new LiveDeskPage(
                layout,
                article.id(),
                article.headline(),
                article.language(),
                article.isPublished() ? n.paths().path(article) : null,
                state,
                stateText,
                Permissions.mayRunLive(user),
                blog.map(LiveBlog::showOriginals).orElse(false),
                source,
                form,
                editing,
                entries,
                queue,
                errors);
        ctx.status(status).contentType(PageRenderer.HTML).result(n.renderer().render("newsroom/live.jte", page));
    }

    private static LiveDeskPage.EntryLine line(
            LiveEntry e, Messages msg, java.time.ZoneId zone, java.time.Instant now) {
        return new LiveDeskPage.EntryLine(
                e.id(),
                Times.brief(e.postedAt(), msg, zone, now),
                Times.iso(e.postedAt()),
                e.authorName(),
                e.bodyHtml(),
                e.body(),
                e.keyEvent());
    }
}
