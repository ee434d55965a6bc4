package org.wargeys.newsroom;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wargeys.account.User;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleOrigins;
import org.wargeys.article.ArticleStatus;
import org.wargeys.article.BodyFormat;
import org.wargeys.article.Permissions;
import org.wargeys.article.Slug;
import org.wargeys.article.Taxonomy;
import org.wargeys.article.WorkflowStep;
import org.wargeys.media.Image;
import org.wargeys.platform.Language;
import org.wargeys.platform.StorageFailure;
import org.wargeys.translation.TranslationProgress;
import org.wargeys.web.Messages;
import org.wargeys.web.PageRenderer;

/**
 * Renders the article editor page: the form (as stored, as just posted or as autosaved) with its
 * errors, the pickers' starting state, the steps the staff member may take, the other languages of the
 * article, a translation's source block by block, corrections and share counts. Thread-safe.
 */
final class EditorPages {

    private final Newsroom n;

    EditorPages(Newsroom newsroom) {
        this.n = newsroom;
    }

    /** What the form shows besides its fields: a notice on top, and where the fields came from. */
    record Notice(String key, boolean error, EditorPage.PendingCopy pending, boolean stored) {
        static Notice none() {
            return new Notice(null, false, null, true);
        }

        static Notice of(String key, boolean error) {
            return new Notice(key, error, null, false);
        }
    }

    /**
     * @param article null for a new article
     * @param errors field → reason, already worded in the staff member's language
     */
    void render(Context ctx, int status, Article article, ArticleForm form, Map<String, String> errors, Notice notice) {
        render(ctx, status, article, article == null ? null : article.id(), form, errors, notice);
    }

    /**
     * The form of an article that cannot be read right now (the database is away): the text as posted,
     * the reason on top, and a form that still saves to the same article once it is back.
     */
    void renderUnreadable(Context ctx, long articleId, ArticleForm form, String notice) {
        render(ctx, 503, null, articleId, form, Map.of(), Notice.of(notice, true));
    }

    private void render(
            Context ctx,
            int status,
            Article article,
            Long articleId,
            ArticleForm form,
            Map<String, String> errors,
            Notice notice) {
        NewsroomLayout layout =
                n.layouts().layout(ctx, articleId == null ? "newsroom.editor.new_title" : "newsroom.editor.title");
        layout = layout.withScript("editor.js");
        User user = layout.user();
        Messages msg = layout.messages();
        List<String> steps = new ArrayList<>();
        List<EditorPage.LanguageState> translations = new ArrayList<>();
        EditorPage.Workspace workspace = null;
        List<EditorPage.CorrectionLine> corrections = List.of();
        String publicPath = null;
        EditorPage.ShareChart shares = null;
        String statusText = null;
        List<Taxonomy.Term> sections;
        boolean degraded = false;
        String richBody = null;
        Language language = n.site().language(form.language()).orElse(n.site().defaultLanguage());
        try {
            sections = n.taxonomy().sections(language.code());
        } catch (RuntimeException e) {
            if (StorageFailure.of(e).isEmpty()) throw e;
            // The database is away: the form still comes back as typed, with the section as posted.
            sections =
                    form.section().isBlank() ? List.of() : List.of(new Taxonomy.Term(form.section(), form.section()));
            degraded = true;
        }
        if (article != null && !degraded) {
            Optional<ArticleOrigins.Origin> origin = n.origins().find(article.id());
            for (WorkflowStep step : WorkflowStep.values()) {
                if (step.allowedFrom(article.status()) && Permissions.mayTake(user, step, article, origin)) {
                    steps.add(step.code());
                }
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
            Optional<TranslationProgress.Workspace> found = n.progress().workspace(article);
            if (found.isPresent()) {
                workspace = workspace(found.get(), msg);
                if (notice.stored())
                    richBody = n.bodies().editable(BodyFormat.HTML, found.get().body());
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
        if (richBody == null) richBody = n.bodies().editable(BodyFormat.of(form.bodyFormat()), form.body());
        EditorPage page = new EditorPage(
                layout,
                articleId,
                article == null ? null : article.status().code(),
                statusText,
                form,
                new LinkedHashMap<>(errors),
                notice.key(),
                notice.error(),
                n.site().languages().stream().map(Language::code).toList(),
                sections,
                steps,
                n.site().timezone().getId(),
                translations,
                corrections,
                user != null && Permissions.mayCorrect(user),
                publicPath,
                shares,
                user != null && Permissions.mayPin(user),
                place(article, form, language, msg),
                richBody,
                degraded ? plainChips(form.tags()) : tagChips(form, language.code()),
                degraded ? plainChips(form.authors()) : authorChips(form, language.code()),
                degraded ? null : featured(form, language.code()),
                notice.pending(),
                reviewNotice(article, user, msg, degraded),
                workspace,
                article == null
                        ? null
                        : msg.format("editor.status.saved", Map.of("time", time(article.updatedAt(), msg))),
                EditorStrings.json(msg));
        ctx.status(status).contentType(PageRenderer.HTML).result(n.renderer().render("newsroom/editor.jte", page));
    }

    /**
     * What an author or translator is told before changing a live article: the change waits for an
     * editor (ArticleEditor.proposeInstead), and replaces one of theirs already waiting. Null for
     * editors, who publish directly, and for articles not live.
     */
    private String reviewNotice(Article article, User user, Messages msg, boolean degraded) {
        if (article == null || user == null || !article.isPublished() || Permissions.isEditor(user)) return null;
        // With the database away the page is the text as typed; whether a change waits is not known.
        boolean waiting = !degraded && n.revisions().pending(article.id()).isPresent();

        return msg.get(waiting ? "editor.review.notice_replaces" : "editor.review.notice");
    }

    /** Hours and minutes in the site's time zone, as the staff member's language writes them. */
    String time(Instant instant, Messages msg) {
        return DateTimeFormatter.ofPattern("HH:mm", msg.language().locale())
                .withZone(n.site().timezone())
                .format(instant);
    }

    private EditorPage.ArticlePlace place(Article article, ArticleForm form, Language language, Messages msg) {
        String path;
        if (article != null && article.publishedAt() != null) {
            path = n.paths().path(article);
        } else {
            var now = n.clock().instant().atZone(n.site().timezone());
            path = "/" + language.code() + "/" + now.getYear() + "/" + String.format("%02d", now.getMonthValue())
                    + "/x";
        }
        String prefix = n.site().absolute(path.substring(0, path.lastIndexOf('/') + 1));
        String host = java.net.URI.create(n.site().baseUrl()).getHost();
        return new EditorPage.ArticlePlace(
                language.code(),
                language.direction().attribute(),
                msg.languageName(language.code()),
                prefix,
                article != null && form.slug().isBlank() ? article.slug() : Slug.of(form.headline(), 8),
                n.site().name(),
                host == null ? n.site().baseUrl() : host);
    }

    private EditorPage.Workspace workspace(TranslationProgress.Workspace w, Messages msg) {
        Article s = w.source();
        List<EditorPage.Row> rows = w.rows().stream()
                .map(r -> new EditorPage.Row(
                        r.index(),
                        r.state().code(),
                        r.source() == null ? "" : r.source().html(),
                        r.diffHtml()))
                .toList();
        Language l = n.site().language(s.language()).orElse(n.site().defaultLanguage());
        return new EditorPage.Workspace(
                s.id(),
                s.language(),
                msg.languageName(s.language()),
                l.direction().attribute(),
                w.sourceRevision(),
                s.headline(),
                s.standfirst(),
                w.headlineDiff(),
                w.standfirstDiff(),
                rows,
                w.changedRows());
    }

    private static List<String> entries(String csv) {
        return Arrays.stream(csv.split(","))
                .map(String::strip)
                .filter(e -> !e.isEmpty())
                .distinct()
                .toList();
    }

    private static List<EditorPage.Chip> plainChips(String csv) {
        return entries(csv).stream().map(e -> new EditorPage.Chip(e, e, null)).toList();
    }

    private List<EditorPage.Chip> tagChips(ArticleForm form, String language) {
        Map<String, String> names = new HashMap<>();
        n.taxonomy().tags(language).forEach(t -> names.put(t.key(), t.name()));
        return entries(form.tags()).stream()
                .map(e -> names.containsKey(e)
                        ? new EditorPage.Chip(e, names.get(e), null)
                        : new EditorPage.Chip(e, e, "proposed"))
                .toList();
    }

    private List<EditorPage.Chip> authorChips(ArticleForm form, String language) {
        Map<String, Taxonomy.Suggestion> authors = new HashMap<>();
        n.taxonomy().suggestAuthors(language, "", 100_000).forEach(a -> authors.put(a.key(), a));
        List<EditorPage.Chip> chips = new ArrayList<>();
        for (String e : entries(form.authors())) {
            if (authors.containsKey(e)) {
                var a = authors.get(e);
                chips.add(new EditorPage.Chip(e, a.name(), a.note()));
            } else if (e.matches("user:\\d{1,18}")) {
                var u = n.accounts().find(Long.parseLong(e.substring(5)));
                chips.add(new EditorPage.Chip(e, u.map(User::displayName).orElse(e), "staff"));
            } else {
                chips.add(new EditorPage.Chip(e, e, "guest"));
            }
        }
        return chips;
    }

    private EditorPage.Featured featured(ArticleForm form, String language) {
        if (!form.featuredImage().matches("\\d{1,18}")) return null;
        Optional<Image> image = n.media().find(Long.parseLong(form.featuredImage()));
        if (image.isEmpty()) return null;
        Image i = image.get();
        String other = i.texts().entrySet().stream()
                .filter(e -> !e.getKey().equals(language))
                .map(e -> e.getValue().alt())
                .findFirst()
                .orElse(null);
        int w = i.widths().get(0);
        return new EditorPage.Featured(
                i.id(), i.path(w), w, Math.max(1, Math.round((float) i.height() * w / i.width())), i.credit(), other);
    }
}
