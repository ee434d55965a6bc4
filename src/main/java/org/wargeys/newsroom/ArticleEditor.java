package org.wargeys.newsroom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wargeys.account.Session;
import org.wargeys.account.User;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleOrigins;
import org.wargeys.article.ArticleSeo;
import org.wargeys.article.ArticleStatus;
import org.wargeys.article.EditConflictException;
import org.wargeys.article.WorkflowStep;
import org.wargeys.platform.Language;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.ValidationException;
import org.wargeys.translation.TranslationProgress;
import org.wargeys.web.Messages;
import org.wargeys.web.PageRenderer;

/**
 * The article editor: {@code /admin/articles/new}, {@code /admin/articles/{id}} (show and save),
 * autosave and the live preview. A save names the revision it started from; if someone saved in
 * between, the writer gets their text back with a conflict message, never a silent overwrite.
 */
public final class ArticleEditor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Newsroom n;

    public ArticleEditor(Newsroom newsroom) {
        this.n = newsroom;
    }

    public void newForm(Context ctx) {
        User user = StaffGate.session(ctx).user();
        if (!Permissions.mayCreate(user)) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        String language = Optional.ofNullable(ctx.queryParam("language"))
                .filter(n.site()::publishesIn)
                .orElse(n.site().defaultLanguage().code());
        render(ctx, 200, null, ArticleForm.empty(language, n.site().outlet()), Map.of(), null, false);
    }

    public void create(Context ctx) {
        Session session = StaffGate.session(ctx);
        if (!Permissions.mayCreate(session.user())) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        String language = ctx.formParam("language");
        ArticleForm form = ArticleForm.posted(ctx, language == null ? "" : language);
        if (form.pinned() && !Permissions.mayPin(session.user())) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        try {
            ArticleSeo.check(form.seoTitle(), form.seoDescription());
            Long image = form.featuredImageId();
            if (image != null && n.media().find(image).isEmpty())
                throw ValidationException.of("featured_image", "There is no image " + image + ".");
            Article created =
                    n.articles().createDraft(form.draft(), session.user().email());
            n.media().feature(created.id(), image);
            if (form.pinned()) {
                n.articles().pin(created.id(), true);
                n.audit()
                        .record(
                                session.user().email(),
                                "article.pin",
                                "article:" + created.id(),
                                created.headline(),
                                n.gate().address(ctx));
            }
            n.origins().recordCreator(created.id(), session.user().id());
            n.seo().set(created.id(), form.seoTitle(), form.seoDescription());
            n.audit()
                    .record(
                            session.user().email(),
                            "article.create",
                            "article:" + created.id(),
                            created.headline(),
                            n.gate().address(ctx));
            ctx.redirect("/admin/articles/" + created.id() + "?notice=saved", HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            render(ctx, 400, null, form, e.errors(), "newsroom.editor.invalid", true);
        }
    }

    public void show(Context ctx) {
        Article article = article(ctx);
        if (!mayEdit(ctx, article)) return;
        String notice = "saved".equals(ctx.queryParam("notice")) ? "newsroom.editor.saved" : null;
        render(
                ctx,
                200,
                article,
                ArticleForm.of(
                        n.articles().details(article),
                        n.media().featured(article.id()).map(i -> i.id()).orElse(null)),
                Map.of(),
                notice,
                false);
    }

    public void save(Context ctx) {
        Article article = article(ctx);
        if (!mayEdit(ctx, article)) return;
        ArticleForm form = ArticleForm.posted(ctx, article.language());
        if (!mayPinAsPosted(ctx, form)) return;
        try {
            store(ctx, article, form);
            ctx.redirect("/admin/articles/" + article.id() + "?notice=saved", HttpStatus.SEE_OTHER);
        } catch (EditConflictException e) {
            render(ctx, 409, n.articles().find(article.id()), form, Map.of(), "newsroom.editor.conflict", true);
        } catch (ValidationException e) {
            render(ctx, 400, article, form, e.errors(), "newsroom.editor.invalid", true);
        }
    }

    /** Autosave (JSON, for the editor script): drafts only, same conflict rule as a save. */
    public void autosave(Context ctx) throws JsonProcessingException {
        Article article = article(ctx);
        if (!mayEdit(ctx, article)) return;
        Messages msg = n.desks().messages(ctx);
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
        } catch (ValidationException e) {
            ctx.status(400)
                    .result(JSON.writeValueAsString(
                            Map.of("message", msg.get("newsroom.editor.invalid"), "errors", e.errors())));
        }
    }

    /** The posted form rendered by the public article template, for the preview frame. Nothing is saved. */
    public void preview(Context ctx) {
        Session session = StaffGate.session(ctx);
        String idField = ctx.formParam("article_id");
        Article base = null;
        if (idField != null && !idField.isBlank()) {
            base = article(idField);
            if (!mayEdit(ctx, base)) return;
        } else if (!Permissions.mayCreate(session.user())) {
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
        User user = StaffGate.session(ctx).user();
        ArticleSeo.check(form.seoTitle(), form.seoDescription());
        Long image = form.featuredImageId();
        if (image != null && n.media().find(image).isEmpty())
            throw ValidationException.of("featured_image", "There is no image " + image + ".");
        Article saved = n.articles().update(article.id(), form.revision(), form.draft(), user.email());
        n.seo().set(article.id(), form.seoTitle(), form.seoDescription());
        n.media().feature(article.id(), image);
        // Only an editor's form has the checkbox; anyone else's save leaves the flag as the desk set it.
        if (Permissions.mayPin(user) && form.pinned() != saved.pinned()) {
            saved = n.articles().pin(article.id(), form.pinned());
            n.audit()
                    .record(
                            user.email(),
                            form.pinned() ? "article.pin" : "article.unpin",
                            "article:" + article.id(),
                            saved.headline(),
                            n.gate().address(ctx));
        }
        // SEO fields and the featured image live beside the article row: announce the live article again
        // once they are saved too, so caches drop the page they were rendered into.
        if (saved.isPublished()) saved = n.articles().publish(saved.id());
        String upToDate = ctx.formParam("up_to_date");
        if (upToDate != null && upToDate.matches("\\d{1,9}")) {
            n.progress().markUpToDate(article.id(), Integer.parseInt(upToDate));
        }
        n.audit()
                .record(
                        user.email(),
                        "article.save",
                        "article:" + article.id(),
                        "revision " + saved.revision(),
                        n.gate().address(ctx));
        return saved;
    }

    /**
     * A ticked pin box from someone who may not pin is refused as a whole (their form has no such box,
     * so it was forged or is stale); nothing is saved.
     */
    private boolean mayPinAsPosted(Context ctx, ArticleForm form) {
        if (!form.pinned() || Permissions.mayPin(StaffGate.session(ctx).user())) return true;
        n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
        return false;
    }

    boolean mayEdit(Context ctx, Article article) {
        if (Permissions.mayEdit(
                StaffGate.session(ctx).user(), article, n.origins().find(article.id()))) return true;
        n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
        return false;
    }

    Article article(Context ctx) {
        return article(ctx.pathParam("id"));
    }

    Article article(String id) {
        if (!id.matches("\\d{1,18}")) throw new NotFoundException("No article " + id);
        return n.articles().find(Long.parseLong(id));
    }

    void render(
            Context ctx,
            int status,
            Article article,
            ArticleForm form,
            Map<String, String> errors,
            String notice,
            boolean noticeError) {
        Desk desk = n.desks().desk(ctx, article == null ? "newsroom.editor.new_title" : "newsroom.editor.title");
        User user = desk.user();
        Messages msg = desk.messages();
        List<String> steps = new ArrayList<>();
        List<EditorPage.LanguageState> translations = new ArrayList<>();
        EditorPage.Source source = null;
        EditorPage.Changes changes = null;
        List<EditorPage.CorrectionLine> corrections = List.of();
        String publicPath = null;
        EditorPage.ShareChart shares = null;
        String statusText = null;
        if (article != null) {
            Optional<ArticleOrigins.Origin> origin = n.origins().find(article.id());
            for (WorkflowStep step : WorkflowStep.values()) {
                if (step.allowedFrom(article.status()) && Permissions.mayTake(user, step, article, origin))
                    steps.add(step.code());
            }
            List<Article> group = n.articles().translationGroup(article.translationGroupId());
            var outdated = n.progress().outdated(group.stream().map(Article::id).toList());
            for (Language l : n.site().languages()) {
                if (l.code().equals(article.language())) continue;
                Optional<Article> other = group.stream()
                        .filter(a -> a.language().equals(l.code()))
                        .findFirst();
                String state = other.map(a -> outdated.contains(a.id())
                                ? ArticleListEditor.OUTDATED
                                : a.status().code())
                        .orElse("missing");
                translations.add(new EditorPage.LanguageState(
                        l.code(),
                        msg.languageName(l.code()),
                        state,
                        other.map(Article::id).orElse(null),
                        other.isEmpty() && Permissions.mayTranslateInto(user, l.code())));
            }
            Optional<TranslationProgress.SourceChanges> sourceChanges =
                    n.progress().sourceChanges(article.id());
            if (sourceChanges.isPresent()) {
                Article s = sourceChanges.get().source();
                source = new EditorPage.Source(
                        s.id(), s.language(), s.revision(), s.headline(), s.standfirst(), s.body());
                if (!sourceChanges.get().diff().isEmpty()) {
                    changes = new EditorPage.Changes(
                            sourceChanges.get().fromRevision(),
                            sourceChanges.get().toRevision(),
                            sourceChanges.get().diff());
                }
            }
            corrections = n.corrections().of(article.id()).stream()
                    .map(c -> new EditorPage.CorrectionLine(msg.dateTime(c.correctedAt()), c.note()))
                    .toList();
            if (article.isPublished()) {
                publicPath = n.paths().path(article);
                shares = ShareCharts.of(
                        n.shares().totals(article.id()), n.clock(), n.site().timezone(), msg);
            }
            statusText = msg.get("newsroom.state."
                    + (outdated.contains(article.id())
                            ? ArticleListEditor.OUTDATED
                            : article.status().code()));
            if (article.status() == ArticleStatus.SCHEDULED && article.scheduledAt() != null) {
                statusText = msg.format(
                        "newsroom.editor.scheduled_for", Map.of("time", msg.dateTime(article.scheduledAt())));
            }
        }
        Map<String, String> shownErrors = new LinkedHashMap<>(errors);
        EditorPage page = new EditorPage(
                desk,
                article == null ? null : article.id(),
                article == null ? null : article.status().code(),
                statusText,
                form,
                shownErrors,
                notice,
                noticeError,
                n.site().languages().stream().map(Language::code).toList(),
                n.taxonomy().sections(desk.language().code()),
                steps,
                n.site().timezone().getId(),
                translations,
                source,
                changes,
                corrections,
                user != null && Permissions.mayCorrect(user),
                publicPath,
                shares,
                user != null && Permissions.mayPin(user));
        ctx.status(status).contentType(PageRenderer.HTML).result(n.renderer().render("newsroom/editor.jte", page));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
