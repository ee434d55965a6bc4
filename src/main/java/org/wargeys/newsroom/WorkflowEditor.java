package org.wargeys.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.wargeys.account.User;
import org.wargeys.article.Article;
import org.wargeys.article.Permissions;
import org.wargeys.article.WorkflowStep;
import org.wargeys.newsletter.Alerts;
import org.wargeys.platform.ConflictException;
import org.wargeys.platform.ValidationException;

/**
 * The steps an article takes and what hangs off it: {@code /admin/articles/{id}/workflow} (submit,
 * schedule, publish…), {@code /translations} (start a translation) and {@code /corrections}. Each is
 * checked against the staff member's role, then one call of a service (one transaction, audited).
 */
public final class WorkflowEditor {

    private final Newsroom n;
    private final ArticleEditor editor;
    private final Alerts alerts;

    WorkflowEditor(Newsroom newsroom, ArticleEditor editor, Alerts alerts) {
        this.n = newsroom;
        this.editor = editor;
        this.alerts = alerts;
    }

    public void step(Context ctx) {
        Article article = editor.article(ctx);
        User user = StaffGate.session(ctx).user();
        String code = String.valueOf(ctx.formParam("step"));
        WorkflowStep step;
        try {
            step = WorkflowStep.of(code);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("step", "newsroom.error.step_unknown", Map.of("step", code));
        }
        if (!Permissions.mayTake(user, step, article, n.origins().find(article.id()))) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        if (!step.allowedFrom(article.status())) {
            // A stale tab: the page offered a step the article has moved past. Say what it is now and
            // what changed it; the conflict page offers to reload.
            var msg = n.layouts().messages(ctx);
            throw new ConflictException(
                    "newsroom.stale.step",
                    Map.of(
                            "step", msg.get("newsroom.workflow." + step.code()),
                            "status",
                                    msg.get("newsroom.state." + article.status().code())));
        }
        Instant at = step == WorkflowStep.SCHEDULE ? scheduledAt(ctx.formParam("at")) : null;
        Article moved;
        try {
            // "Send to subscribers", ticked when publishing: the alert is queued on the publication's transaction.
            moved = step == WorkflowStep.PUBLISH && "yes".equals(ctx.formParam("alert"))
                    ? alerts.publishAndAlert(article.id(), n.gate().actor(ctx))
                    : n.workflow().take(article.id(), step, at, n.gate().actor(ctx));
        } catch (ValidationException e) {
            // Not ready (no headline, an image without alt text…): the editor again, each field's reason beside it.
            editor.pages()
                    .render(
                            ctx,
                            400,
                            article,
                            editor.stored(article),
                            editor.worded(ctx, e),
                            EditorPages.Notice.of("newsroom.workflow.not_ready", true));
            return;
        }
        switch (step) {
            case SCHEDULE ->
                Flash.set(ctx, n.gate(), "newsroom.flash.scheduled", Map.of("time", Flash.time(moved.scheduledAt())));
            default -> Flash.set(ctx, n.gate(), "newsroom.flash.step." + step.code());
        }
        ctx.redirect("/admin/articles/" + article.id(), HttpStatus.SEE_OTHER);
    }

    public void translate(Context ctx) {
        Article source = editor.article(ctx);
        User user = StaffGate.session(ctx).user();
        String language = ctx.formParam("language");
        if (language == null || !n.site().publishesIn(language)) {
            throw ValidationException.of(
                    "language", "article.error.language_unknown", Map.of("language", String.valueOf(language)));
        }
        if (!Permissions.mayTranslateInto(user, language)) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        Article translation = n.progress().start(source.id(), language, n.gate().actor(ctx));
        Flash.set(
                ctx,
                n.gate(),
                "newsroom.flash.translation_started",
                Map.of("language", n.layouts().messages(ctx).languageName(language)));
        ctx.redirect("/admin/articles/" + translation.id(), HttpStatus.SEE_OTHER);
    }

    public void correct(Context ctx) {
        Article article = editor.article(ctx);
        if (!Permissions.mayCorrect(StaffGate.session(ctx).user())) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        n.corrections().add(article.id(), ctx.formParam("note"), n.gate().actor(ctx));
        Flash.set(ctx, n.gate(), "newsroom.flash.correction_added");
        ctx.redirect("/admin/articles/" + article.id(), HttpStatus.SEE_OTHER);
    }

    /** A {@code datetime-local} value, read in the site's time zone. */
    private Instant scheduledAt(String value) {
        if (value == null || value.isBlank()) throw ValidationException.of("at", "newsroom.error.schedule_required");
        try {
            return LocalDateTime.parse(value.strip())
                    .atZone(n.site().timezone())
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw ValidationException.of("at", "newsroom.error.schedule_unreadable", Map.of("value", value));
        }
    }
}
