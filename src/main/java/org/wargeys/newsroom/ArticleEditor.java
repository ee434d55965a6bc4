package org.wargeys.newsroom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.wargeys.account.User;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleEdit;
import org.wargeys.article.ArticleStatus;
import org.wargeys.article.EditConflictException;
import org.wargeys.article.Permissions;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.StorageFailure;
import org.wargeys.platform.ValidationException;
import org.wargeys.web.Messages;
import org.wargeys.web.PageRenderer;

/**
 * The article editor: {@code /admin/articles/new}, {@code /admin/articles/{id}} (show and save),
 * autosave and the live preview. A save is one call of the article service (one transaction); it names
 * the revision it started from, and if someone saved in between, the writer gets their text back with
 * a conflict message, never a silent overwrite.
 */
public final class ArticleEditor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Newsroom n;
    private final EditorPages pages;

    ArticleEditor(Newsroom newsroom) {
        this.n = newsroom;
        this.pages = new EditorPages(newsroom);
    }

    public void newForm(Context ctx) {
        if (!Permissions.mayCreate(user(ctx))) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        String language = Optional.ofNullable(ctx.queryParam("language"))
                .filter(n.site()::publishesIn)
                .orElse(n.site().defaultLanguage().code());
        pages.render(ctx, 200, null, ArticleForm.empty(language, n.site().outlet()), Map.of(), null, false);
    }

    public void create(Context ctx) {
        User user = user(ctx);
        String language = ctx.formParam("language");
        ArticleForm form = ArticleForm.posted(ctx, language == null ? "" : language);
        if (!Permissions.mayCreate(user) || (form.pinned() && !Permissions.mayPin(user))) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        try {
            Article created = n.articles()
                    .create(form.edit(Permissions.mayPin(user), null), n.gate().actor(ctx));
            ctx.redirect("/admin/articles/" + created.id() + "?notice=saved", HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            pages.render(ctx, 400, null, form, worded(ctx, e), "newsroom.editor.invalid", true);
        } catch (StorageFailure e) {
            // Nothing was written; the writer's text comes back as typed with what went wrong.
            pages.render(ctx, 503, null, form, Map.of(), e.kind().key(), true);
        }
    }

    public void show(Context ctx) {
        Article article = article(ctx);
        if (!mayEdit(ctx, article)) return;
        String notice = "saved".equals(ctx.queryParam("notice")) ? "newsroom.editor.saved" : null;
        ArticleForm form =
                ArticleForm.of(n.articles().details(article), n.articles().featuredImageId(article.id()));
        pages.render(ctx, 200, article, form, Map.of(), notice, false);
    }

    public void save(Context ctx) {
        Article article;
        try {
            article = article(ctx);
        } catch (StorageFailure e) {
            // The article cannot even be read: the writer's text comes back as posted, with the reason.
            if (!ctx.pathParam("id").matches("\\d{1,18}")) throw e;
            ArticleForm posted = ArticleForm.posted(ctx, "");
            pages.renderUnreadable(
                    ctx, Long.parseLong(ctx.pathParam("id")), posted, e.kind().key());
            return;
        }
        if (!mayEdit(ctx, article)) return;
        ArticleForm form = ArticleForm.posted(ctx, article.language());
        if (!mayPinAsPosted(ctx, form)) return;
        try {
            if (article.isPublished() && !Permissions.isEditor(user(ctx))) {
                // Review before live: readers keep the article as it is until an editor approves.
                ArticleEdit edit = form.edit(false, carriedOver(ctx));
                n.revisions()
                        .proposeEdit(
                                article.id(), form.revision(), edit, n.gate().actor(ctx));
                Flash.set(ctx, n.gate(), "newsroom.flash.edit_pending");
                ctx.redirect("/admin/articles/" + article.id() + "/pending", HttpStatus.SEE_OTHER);
                return;
            }
            store(ctx, article, form);
            ctx.redirect("/admin/articles/" + article.id() + "?notice=saved", HttpStatus.SEE_OTHER);
        } catch (EditConflictException e) {
            pages.render(ctx, 409, n.articles().find(article.id()), form, Map.of(), "newsroom.editor.conflict", true);
        } catch (ValidationException e) {
            pages.render(ctx, 400, article, form, worded(ctx, e), "newsroom.editor.invalid", true);
        } catch (StorageFailure e) {
            pages.render(ctx, 503, article, form, Map.of(), e.kind().key(), true);
        }
    }

    /** Autosave (JSON, for the editor script): drafts only, same conflict rule as a save. */
    public void autosave(Context ctx) throws JsonProcessingException {
        Article article = article(ctx);
        if (!mayEdit(ctx, article)) return;
        Messages msg = n.layouts().messages(ctx);
        ctx.contentType("application/json");
        if (article.status() != ArticleStatus.DRAFT) {
            ctx.status(409)
                    .result(JSON.writeValueAsString(
                            Map.of("message", msg.get("newsroom.editor.autosave_drafts_only"))));
            return;
        }
        ArticleForm form = ArticleForm.posted(ctx, article.language());
        if (!mayPinAsPosted(ctx, form)) return;
        try {
            Article saved = store(ctx, article, form);
            ctx.result(JSON.writeValueAsString(Map.of(
                    "revision",
                    saved.revision(),
                    "message",
                    msg.format(
                            "newsroom.editor.autosaved",
                            Map.of("time", msg.dateTime(n.clock().instant()))))));
        } catch (EditConflictException e) {
            ctx.status(409).result(JSON.writeValueAsString(Map.of("message", msg.get("newsroom.editor.conflict"))));
        } catch (StorageFailure e) {
            ctx.status(503)
                    .result(JSON.writeValueAsString(
                            Map.of("message", msg.get(e.kind().key()))));
        } catch (ValidationException e) {
            ctx.status(400)
                    .result(JSON.writeValueAsString(Map.of(
                            "message", msg.get("newsroom.editor.invalid"), "errors", msg.problems(e.problems()))));
        }
    }

    /** The posted form rendered by the public article template, for the preview frame. Nothing is saved. */
    public void preview(Context ctx) {
        String idField = ctx.formParam("article_id");
        Article base = null;
        if (idField != null && !idField.isBlank()) {
            base = article(idField);
            if (!mayEdit(ctx, base)) return;
        } else if (!Permissions.mayCreate(user(ctx))) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        String language = base != null ? base.language() : ctx.formParam("language");
        if (language == null || !n.site().publishesIn(language))
            language = n.site().defaultLanguage().code();
        ArticleForm form = ArticleForm.posted(ctx, language);
        var draft = form.draft();
        Instant now = n.clock().instant();
        Article unsaved = new Article(
                base == null ? 0 : base.id(),
                base == null ? 0 : base.translationGroupId(),
                language,
                base == null ? "preview" : base.slug(),
                draft.headline().isBlank() ? "…" : draft.headline(),
                draft.dateline(),
                draft.standfirst(),
                draft.bodyFormat(),
                draft.body(),
                n.bodies().render(draft.bodyFormat(), draft.body()),
                base == null ? null : base.sectionId(),
                ArticleStatus.DRAFT,
                blankToNull(form.seoTitle()),
                blankToNull(form.seoDescription()),
                base == null ? now : base.createdAt(),
                now,
                base != null && base.publishedAt() != null ? base.publishedAt() : now,
                null,
                form.revision(),
                base != null && base.pinned());
        ctx.header("X-Robots-Tag", "noindex");
        ctx.contentType(PageRenderer.HTML).result(n.preview().render(unsaved));
    }

    private Article store(Context ctx, Article article, ArticleForm form) {
        ArticleEdit edit = form.edit(Permissions.mayPin(user(ctx)), carriedOver(ctx));
        return n.articles().save(article.id(), form.revision(), edit, n.gate().actor(ctx));
    }

    /** The source revision a translator marked as carried over ("up to date"), or null. */
    private static Integer carriedOver(Context ctx) {
        String upToDate = ctx.formParam("up_to_date");
        return upToDate != null && upToDate.matches("\\d{1,9}") ? Integer.valueOf(upToDate) : null;
    }

    /**
     * A ticked pin box from someone who may not pin is refused as a whole (their form has no such box,
     * so it was forged or is stale); nothing is saved.
     */
    private boolean mayPinAsPosted(Context ctx, ArticleForm form) {
        if (!form.pinned() || Permissions.mayPin(user(ctx))) return true;
        n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
        return false;
    }

    boolean mayEdit(Context ctx, Article article) {
        if (Permissions.mayEdit(user(ctx), article, n.origins().find(article.id()))) return true;
        n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
        return false;
    }

    Article article(Context ctx) {
        return article(ctx.pathParam("id"));
    }

    Article article(String id) {
        if (!id.matches("\\d{1,18}")) throw new NotFoundException("No article " + id);
        try {
            return n.articles().find(Long.parseLong(id));
        } catch (RuntimeException e) {
            throw StorageFailure.of(e).map(f -> (RuntimeException) f).orElse(e);
        }
    }

    /** A validation error's problems worded in the staff member's language, field by field. */
    Map<String, String> worded(Context ctx, ValidationException e) {
        return n.layouts().messages(ctx).problems(e.problems());
    }

    private static User user(Context ctx) {
        return StaffGate.session(ctx).user();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
