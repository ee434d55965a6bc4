package org.wargeys.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wargeys.account.User;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleAutosaves;
import org.wargeys.article.ArticleEdit;
import org.wargeys.article.ArticleStatus;
import org.wargeys.article.BodyFormat;
import org.wargeys.article.EditConflictException;
import org.wargeys.article.Permissions;
import org.wargeys.media.Image;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.StorageFailure;
import org.wargeys.platform.ValidationException;
import org.wargeys.translation.TranslationProgress;
import org.wargeys.web.PageRenderer;

/**
 * The article editor: {@code /admin/articles/new}, {@code /admin/articles/{id}} (show and save) and
 * the live preview. Every form works without JavaScript; the editor's script posts the same forms in
 * the background ({@link EditorSync}) and asks for JSON. A save is one call of the article service (one
 * transaction); it names the revision it started from, and if someone saved in between, the writer
 * gets their text back with both versions to choose from, never a silent overwrite.
 */
public final class ArticleEditor {

    private final Newsroom n;
    private final EditorPages pages;

    ArticleEditor(Newsroom newsroom) {
        this.n = newsroom;
        this.pages = new EditorPages(newsroom);
    }

    EditorPages pages() {
        return pages;
    }

    public void newForm(Context ctx) {
        User user = user(ctx);
        if (!Permissions.mayCreate(user)) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        // A reporter whose newsroom speaks Somali most likely writes in Somali.
        String language = Optional.ofNullable(ctx.queryParam("language"))
                .filter(n.site()::publishesIn)
                .orElse(n.layouts().language(ctx).code());
        pages.render(
                ctx,
                200,
                null,
                ArticleForm.empty(language, n.site().outlet(), byline(user)),
                Map.of(),
                EditorPages.Notice.none());
    }

    /** The signed-in staff member's own byline: its key, or {@code user:ID} until their first article makes it. */
    String byline(User user) {
        String key = n.taxonomy().staffBylines().get(user.id());
        return key != null ? key : "user:" + user.id();
    }

    public void create(Context ctx) {
        User user = user(ctx);
        String language = ctx.formParam("language");
        ArticleForm form = ArticleForm.posted(ctx, language == null ? "" : language);
        boolean json = EditorSync.wantsJson(ctx);
        if (!Permissions.mayCreate(user) || (form.pinned() && !Permissions.mayPin(user))) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        try {
            Article created = n.articles()
                    .create(
                            form.edit(Permissions.mayPin(user), null, null),
                            n.gate().actor(ctx));
            if (json) {
                ctx.status(201);
                EditorSync.json(ctx, EditorSync.saved(n, pages, ctx, created, false));
            } else {
                ctx.redirect("/admin/articles/" + created.id() + "?notice=saved", HttpStatus.SEE_OTHER);
            }
        } catch (ValidationException e) {
            if (json) EditorSync.invalid(n, ctx, e);
            else
                pages.render(
                        ctx, 400, null, form, worded(ctx, e), EditorPages.Notice.of("newsroom.editor.invalid", true));
        } catch (StorageFailure e) {
            // Nothing was written; the writer's text comes back as typed with what went wrong.
            if (json) EditorSync.unavailable(n, ctx, e);
            else
                pages.render(
                        ctx,
                        503,
                        null,
                        form,
                        Map.of(),
                        EditorPages.Notice.of(e.kind().key(), true));
        }
    }

    public void show(Context ctx) {
        Article article = article(ctx);
        if (!mayEdit(ctx, article)) return;
        User user = user(ctx);
        Optional<ArticleAutosaves.Copy> copy = n.autosaves().find(article.id(), user.id());
        if (copy.isPresent()) {
            // This person's unsaved changes to an article past the draft stage: shown, never lost. Made
            // on an older revision, they keep that revision, so the first save shows both versions.
            ArticleAutosaves.Copy c = copy.get();
            ArticleForm form = ArticleForm.of(c.fields(), article.language()).withRevision(c.baseRevision());
            var pending = new EditorPage.PendingCopy(
                    n.layouts().messages(ctx).dateTime(c.savedAt()), c.baseRevision() < article.revision());
            pages.render(ctx, 200, article, form, Map.of(), new EditorPages.Notice(null, false, pending, false));
            return;
        }
        String notice = "saved".equals(ctx.queryParam("notice")) ? "newsroom.editor.saved" : null;
        pages.render(ctx, 200, article, stored(article), Map.of(), new EditorPages.Notice(notice, false, null, true));
    }

    /** The article as the form shows it. */
    ArticleForm stored(Article article) {
        Long image = n.articles().featuredImageId(article.id());
        Image.Text text = image == null
                ? null
                : n.media()
                        .find(image)
                        .map(i -> i.texts().get(article.language()))
                        .orElse(null);
        return ArticleForm.of(n.articles().details(article), image, n.taxonomy().proposals(article.id()), text);
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
            if (proposeInstead(ctx, article, form)) {
                Flash.set(ctx, n.gate(), "newsroom.flash.edit_pending");

                ctx.redirect("/admin/articles/" + article.id() + "/pending", HttpStatus.SEE_OTHER);
                return;
            }
            store(ctx, article, form, false);
            ctx.redirect("/admin/articles/" + article.id() + "?notice=saved", HttpStatus.SEE_OTHER);
        } catch (EditConflictException e) {
            pages.render(
                    ctx,
                    409,
                    n.articles().find(article.id()),
                    form,
                    Map.of(),
                    EditorPages.Notice.of("newsroom.editor.conflict", true));
        } catch (ValidationException e) {
            pages.render(
                    ctx, 400, article, form, worded(ctx, e), EditorPages.Notice.of("newsroom.editor.invalid", true));
        } catch (StorageFailure e) {
            pages.render(
                    ctx,
                    503,
                    article,
                    form,
                    Map.of(),
                    EditorPages.Notice.of(e.kind().key(), true));
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
                base == null ? ArticleStatus.DRAFT : base.status(),
                blankToNull(form.seoTitle()),
                blankToNull(form.seoDescription()),
                base == null ? now : base.createdAt(),
                now,
                base != null && base.publishedAt() != null ? base.publishedAt() : now,
                null,
                form.revision(),
                base != null && base.pinned());
        // Until it is live, the preview says so, in the staff member's language.
        var msg = n.layouts().messages(ctx);
        String mark = unsaved.isPublished() ? null : msg.get("newsroom.preview.draft");
        ctx.header("X-Robots-Tag", "noindex");
        ctx.contentType(PageRenderer.HTML)
                .result(n.preview().render(unsaved, mark, msg.language().code()));
    }

    /**
     * Saves the posted form over the article: one call of the article service. For a translation, the
     * rows its translator marked as carried over move its state, and blocks whose removal from the
     * source they carried over leave its body.
     */
    Article store(Context ctx, Article article, ArticleForm form, boolean autosave) {
        return n.articles()
                .save(
                        article.id(),
                        form.revision(),
                        edit(ctx, article, form),
                        n.gate().actor(ctx),
                        autosave);
    }

    /**
     * Review before live: an author's or translator's save of a published article becomes a change
     * waiting for an editor (readers keep the live text); true when that is what happened. Every save
     * path asks this first, the plain form's and the editor script's Update button alike.
     */
    boolean proposeInstead(Context ctx, Article article, ArticleForm form) {
        if (!article.isPublished() || Permissions.isEditor(user(ctx))) return false;
        n.revisions()
                .proposeEdit(
                        article.id(),
                        form.revision(),
                        edit(ctx, article, form),
                        n.gate().actor(ctx));
        return true;
    }

    /** The posted form as an edit of the article, with a translation's carried-over rows applied. */
    private ArticleEdit edit(Context ctx, Article article, ArticleForm form) {
        Integer sourceRevision = null;
        List<String> segments = null;
        String seen = ctx.formParam("source_revision_seen");
        boolean all = ctx.formParam("up_to_date") != null;
        if (seen != null && seen.matches("\\d{1,9}") && form.bodyFormat().equals("html")) {
            Set<Integer> carried = new HashSet<>();
            for (String row : ctx.formParams("carried")) {
                if (row.matches("-?\\d{1,6}")) carried.add(Integer.valueOf(row));
            }
            TranslationProgress.CarriedOver result =
                    n.progress().carryOver(article, form.body(), Integer.parseInt(seen), carried, all);
            form = form.withBody(result.body(), "html");
            segments = result.segments();
            sourceRevision = result.sourceRevision();
        }
        if (all && sourceRevision == null) {
            // "I have carried everything over" names the source revision the translator saw.
            String upToDate = ctx.formParam("up_to_date");
            sourceRevision = upToDate.matches("\\d{1,9}") ? Integer.valueOf(upToDate) : null;
        }
        return form.edit(Permissions.mayPin(user(ctx)), sourceRevision, segments);
    }

    /**
     * A ticked pin box from someone who may not pin is refused as a whole (their form has no such box,
     * so it was forged or is stale); nothing is saved.
     */
    boolean mayPinAsPosted(Context ctx, ArticleForm form) {
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
        return new LinkedHashMap<>(n.layouts().messages(ctx).problems(e.problems()));
    }

    static User user(Context ctx) {
        return StaffGate.session(ctx).user();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static BodyFormat format(ArticleForm form) {
        return BodyFormat.of(form.bodyFormat());
    }
}
