package org.wargeys.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.wargeys.account.AccountService;
import org.wargeys.account.User;
import org.wargeys.article.Article;
import org.wargeys.article.Permissions;
import org.wargeys.desk.Assignment;
import org.wargeys.desk.DeskModule;
import org.wargeys.desk.Mentions;
import org.wargeys.desk.Note;
import org.wargeys.platform.Language;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.ValidationException;
import org.wargeys.web.Messages;
import org.wargeys.web.PageRenderer;

/**
 * {@code /admin/articles/{id}/desk}: an article's internal notes (never public; anyone on the staff
 * reads and writes them, and @mentions notify) and who is assigned to it or to its translations
 * (editors assign; the assignee or an editor marks an assignment done).
 */
public final class ArticleDeskEditor {

    private final Newsroom n;
    private final DeskModule desk;
    private final AccountService accounts;
    private final ArticleEditor editor;

    ArticleDeskEditor(Newsroom newsroom, DeskModule desk, AccountService accounts, ArticleEditor editor) {
        this.n = newsroom;
        this.desk = desk;
        this.accounts = accounts;
        this.editor = editor;
    }

    public void show(Context ctx) {
        render(ctx, 200, editor.article(ctx), Map.of(), "");
    }

    public void addNote(Context ctx) {
        Article article = editor.article(ctx);
        String body = ctx.formParam("note");
        try {
            desk.notes().add(article.id(), body, n.gate().actor(ctx));
        } catch (ValidationException e) {
            render(ctx, 400, article, n.layouts().messages(ctx).problems(e.problems()), body == null ? "" : body);
            return;
        }
        List<String> mentioned = Mentions.handles(body);
        if (mentioned.isEmpty()) {
            Flash.set(ctx, n.gate(), "newsroom.flash.note_added");
        } else {
            Flash.set(
                    ctx,
                    n.gate(),
                    "newsroom.flash.note_added_told",
                    Map.of(
                            "people",
                            String.join(
                                    ", ", mentioned.stream().map(h -> "@" + h).toList())));
        }
        ctx.redirect("/admin/articles/" + article.id() + "/desk#notes", HttpStatus.SEE_OTHER);
    }

    public void assign(Context ctx) {
        Article article = editor.article(ctx);
        if (!Permissions.isEditor(StaffGate.session(ctx).user())) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        String assignee = String.valueOf(ctx.formParam("assignee"));
        String language = ctx.formParam("language");
        try {
            if (!assignee.matches("\\d{1,18}")) throw ValidationException.of("assignee", "desk.error.assignee_unknown");
            Instant due = due(ctx.formParam("due"));
            desk.assignments()
                    .assign(
                            List.of(article.id()),
                            language == null || language.isBlank() ? null : language,
                            Long.parseLong(assignee),
                            due,
                            n.gate().actor(ctx));
            String name = accounts.find(Long.parseLong(assignee))
                    .map(User::displayName)
                    .orElse(assignee);
            if (due == null) Flash.set(ctx, n.gate(), "newsroom.flash.assigned", Map.of("name", name));
            else Flash.set(ctx, n.gate(), "newsroom.flash.assigned_due", Map.of("name", name, "time", Flash.time(due)));
        } catch (ValidationException e) {
            render(ctx, 400, article, n.layouts().messages(ctx).problems(e.problems()), "");
            return;
        }
        ctx.redirect("/admin/articles/" + article.id() + "/desk", HttpStatus.SEE_OTHER);
    }

    /** Marks an assignment done: its assignee or an editor. */
    public void done(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("\\d{1,18}")) throw new NotFoundException("No assignment " + id);
        Assignment a =
                desk.assignments().find(Long.parseLong(id)).orElseThrow(() -> new NotFoundException("No assignment"));
        User user = StaffGate.session(ctx).user();
        if (a.assigneeId() != user.id() && !Permissions.isEditor(user)) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        desk.assignments().done(a.id(), n.gate().actor(ctx));
        Flash.set(ctx, n.gate(), "newsroom.flash.assignment_done");
        ctx.redirect("/admin/articles/" + a.articleId() + "/desk", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, Article article, Map<String, String> errors, String draftNote) {
        NewsroomLayout layout = n.layouts().layout(ctx, "newsroom.article_desk.title");
        Messages msg = layout.messages();
        User user = layout.user();
        Instant now = n.clock().instant();
        var zone = n.site().timezone();
        DeskEditor.Names names = new DeskEditor.Names(accounts, msg);
        List<ArticleDeskPage.AssignmentLine> assignments = desk.assignments().of(article.id()).stream()
                .map(a -> new ArticleDeskPage.AssignmentLine(
                        a.id(),
                        names.ofId(a.assigneeId()),
                        a.isTranslation()
                                ? msg.format(
                                        "newsroom.desk.translate_into",
                                        Map.of("language", msg.languageName(a.language())))
                                : msg.get("newsroom.desk.the_article"),
                        a.dueAt() == null
                                ? msg.get("newsroom.desk.no_due")
                                : msg.format(
                                        "newsroom.desk.due", Map.of("time", Times.zoned(a.dueAt(), msg, zone, now))),
                        a.open(),
                        a.late(now),
                        a.open() && (a.assigneeId() == user.id() || Permissions.isEditor(user))))
                .toList();
        List<Note> notes = desk.notes().of(article.id());
        List<ArticleDeskPage.NoteLine> lines = notes.stream()
                .map(note -> new ArticleDeskPage.NoteLine(
                        note.id(),
                        names.ofId(note.authorId()),
                        Times.brief(note.createdAt(), msg, zone, now),
                        Times.iso(note.createdAt()),
                        Mentions.parts(note.body())))
                .toList();
        List<User> staff = accounts.all().stream().filter(User::active).toList();
        boolean editorRole = Permissions.isEditor(user);
        ArticleDeskPage page = new ArticleDeskPage(
                layout,
                article.id(),
                article.headline(),
                article.language(),
                article.status().code(),
                assignments,
                lines,
                editorRole,
                editorRole
                        ? staff.stream()
                                .map(u -> new ArticleListPage.Person(u.id(), u.displayName()))
                                .toList()
                        : List.of(),
                n.site().languages().stream()
                        .map(Language::code)
                        .filter(l -> !l.equals(article.language()))
                        .toList(),
                staff.stream()
                        .map(u -> "@" + Mentions.handle(u) + " (" + u.displayName() + ")")
                        .toList(),
                errors,
                draftNote,
                zone.getId());
        ctx.status(status)
                .contentType(PageRenderer.HTML)
                .result(n.renderer().render("newsroom/article-desk.jte", page));
    }

    private Instant due(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDateTime.parse(value.strip())
                    .atZone(n.site().timezone())
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw ValidationException.of("due", "newsroom.error.schedule_unreadable", Map.of("value", value));
        }
    }
}
