package org.wargeys.newsroom;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wargeys.account.User;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleOrigins;
import org.wargeys.article.ArticleStatus;
import org.wargeys.article.Permissions;
import org.wargeys.article.Taxonomy;
import org.wargeys.article.WorkflowStep;
import org.wargeys.platform.Language;
import org.wargeys.platform.StorageFailure;
import org.wargeys.translation.TranslationProgress;
import org.wargeys.web.Messages;
import org.wargeys.web.PageRenderer;

/**
 * Renders the article editor page: the form (as stored or as just posted) with its errors, the steps
 * the staff member may take, the other languages of the article, a translation's source and what
 * changed in it, corrections and share counts. Thread-safe.
 */
final class EditorPages {

    private final Newsroom n;

    EditorPages(Newsroom newsroom) {
        this.n = newsroom;
    }

    /**
     * @param article null for a new article
     * @param errors field → reason, already worded in the staff member's language
     * @param notice a message key shown on top, or null
     */
    void render(
            Context ctx,
            int status,
            Article article,
            ArticleForm form,
            Map<String, String> errors,
            String notice,
            boolean noticeError) {
        render(ctx, status, article, article == null ? null : article.id(), form, errors, notice, noticeError);
    }

    /**
     * The form of an article that cannot be read right now (the database is away): the text as posted,
     * the reason on top, and a form that still saves to the same article once it is back.
     */
    void renderUnreadable(Context ctx, long articleId, ArticleForm form, String notice) {
        render(ctx, 503, null, articleId, form, Map.of(), notice, true);
    }

    private void render(
            Context ctx,
            int status,
            Article article,
            Long articleId,
            ArticleForm form,
            Map<String, String> errors,
            String notice,
            boolean noticeError) {
        NewsroomLayout layout =
                n.layouts().layout(ctx, articleId == null ? "newsroom.editor.new_title" : "newsroom.editor.title");
        User user = layout.user();
        Messages msg = layout.messages();
        List<String> steps = new ArrayList<>();
        List<EditorPage.LanguageState> translations = new ArrayList<>();
        EditorPage.Source source = null;
        EditorPage.Changes changes = null;
        List<EditorPage.CorrectionLine> corrections = List.of();
        String publicPath = null;
        EditorPage.ShareChart shares = null;
        String statusText = null;
        List<Taxonomy.Term> sections;
        boolean degraded = false;
        try {
            sections = n.taxonomy().sections(layout.language().code());
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
        EditorPage page = new EditorPage(
                layout,
                articleId,
                article == null ? null : article.status().code(),
                statusText,
                form,
                new LinkedHashMap<>(errors),
                notice,
                noticeError,
                n.site().languages().stream().map(Language::code).toList(),
                sections,
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
}
