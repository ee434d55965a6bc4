package org.wargeys.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.wargeys.account.User;
import org.wargeys.article.Article;
import org.wargeys.article.WorkflowStep;
import org.wargeys.platform.ValidationException;

/**
 * The steps an article takes and what hangs off it: {@code /admin/articles/{id}/workflow} (submit,
 * schedule, publish…), {@code /translations} (start a translation) and {@code /corrections}. Each
 * step is checked against the staff member's role and logged.
 */
public final class WorkflowEditor {

    private final Newsroom n;
    private final ArticleEditor editor;

    public WorkflowEditor(Newsroom newsroom, ArticleEditor editor) {
        this.n = newsroom;
        this.editor = editor;
    }

    public void step(Context ctx) {
        Article article = editor.article(ctx);
        User user = StaffGate.session(ctx).user();
        WorkflowStep step;
        try {
            step = WorkflowStep.of(String.valueOf(ctx.formParam("step")));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("step", e.getMessage() + ".");
        }
        if (!Permissions.mayTake(user, step, article, n.origins().find(article.id()))) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        Instant at = step == WorkflowStep.SCHEDULE ? scheduledAt(ctx.formParam("at")) : null;
        Article moved = n.workflow().take(article.id(), step, at);
        n.audit()
                .record(
                        user.email(),
                        "article." + step.code(),
                        "article:" + article.id(),
                        at == null ? moved.status().code() : "at " + at,
                        n.gate().address(ctx));
        ctx.redirect("/admin/articles/" + article.id(), HttpStatus.SEE_OTHER);
    }

    public void translate(Context ctx) {
        Article source = editor.article(ctx);
        User user = StaffGate.session(ctx).user();
        String language = ctx.formParam("language");
        if (language == null || !n.site().publishesIn(language)) {
            throw ValidationException.of("language", "The site does not publish in '" + language + "'.");
        }
        if (!Permissions.mayTranslateInto(user, language)) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        Article translation = n.progress().start(source.id(), language, user.id(), user.email());
        n.audit()
                .record(
                        user.email(),
                        "article.translate",
                        "article:" + translation.id(),
                        "from article:" + source.id(),
                        n.gate().address(ctx));
        ctx.redirect("/admin/articles/" + translation.id(), HttpStatus.SEE_OTHER);
    }

    public void correct(Context ctx) {
        Article article = editor.article(ctx);
        User user = StaffGate.session(ctx).user();
        if (!Permissions.mayCorrect(user)) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        n.corrections().add(article.id(), ctx.formParam("note"), user.email());
        n.audit()
                .record(
                        user.email(),
                        "article.correct",
                        "article:" + article.id(),
                        null,
                        n.gate().address(ctx));
        ctx.redirect("/admin/articles/" + article.id(), HttpStatus.SEE_OTHER);
    }

    /** A {@code datetime-local} value, read in the site's time zone. */
    private Instant scheduledAt(String value) {
        if (value == null || value.isBlank()) throw ValidationException.of("at", "Choose when the article goes live.");
        try {
            return LocalDateTime.parse(value.strip())
                    .atZone(n.site().timezone())
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw ValidationException.of("at", "'" + value + "' is not a date and time.");
        }
    }
}
