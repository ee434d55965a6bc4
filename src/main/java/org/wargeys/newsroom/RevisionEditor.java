package org.wargeys.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.wargeys.account.AccountService;
import org.wargeys.account.User;
import org.wargeys.article.Article;
import org.wargeys.article.Correction;
import org.wargeys.article.PendingChange;
import org.wargeys.article.Permissions;
import org.wargeys.article.Revision;
import org.wargeys.article.WordDiff;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.ValidationException;
import org.wargeys.web.Messages;
import org.wargeys.web.PageRenderer;

/**
 * {@code /admin/articles/{id}/revisions}: the list, the word diff between any two, and restoring one
 * after a confirmation that warns of corrections made since. Restoring a published article makes a
 * change that waits for an editor's approval ({@code /admin/articles/{id}/pending}); readers keep
 * seeing the article as it is until then.
 */
public final class RevisionEditor {

    private final Newsroom n;
    private final ArticleEditor editor;
    private final AccountService accounts;

    RevisionEditor(Newsroom newsroom, ArticleEditor editor, AccountService accounts) {
        this.n = newsroom;
        this.editor = editor;
        this.accounts = accounts;
    }

    public void list(Context ctx) {
        Article article = editor.article(ctx);
        if (!editor.mayEdit(ctx, article)) return;
        NewsroomLayout layout = n.layouts().layout(ctx, "newsroom.revisions.title");
        Messages msg = layout.messages();
        List<Revision> revisions = n.revisions().list(article.id());
        Integer from = number(ctx.queryParam("from"));
        Integer to = number(ctx.queryParam("to"));
        String diff = null;
        if (from != null && to != null) {
            diff = WordDiff.html(n.revisions().wordDiff(article.id(), from, to));
        }
        RevisionsPage page = new RevisionsPage(
                layout,
                article.id(),
                article.headline(),
                article.revision(),
                revisions.stream()
                        .map(r -> new RevisionsPage.Entry(
                                r.number(),
                                msg.dateTime(r.savedAt()),
                                r.savedBy() == null ? "" : r.savedBy(),
                                r.headline()))
                        .toList(),
                from,
                to,
                diff,
                true);
        ctx.contentType(PageRenderer.HTML).result(n.renderer().render("newsroom/revisions.jte", page));
    }

    /** The confirmation before a restore: what it will do, what it changes, corrections made since. */
    public void confirm(Context ctx) {
        Article article = editor.article(ctx);
        if (!editor.mayEdit(ctx, article)) return;
        Integer number = number(ctx.pathParam("revision"));
        Revision old =
                number == null ? null : n.revisions().find(article.id(), number).orElse(null);
        if (old == null) throw new NotFoundException("No revision " + ctx.pathParam("revision"));
        NewsroomLayout layout = n.layouts().layout(ctx, "newsroom.restore.title");
        Revision current = n.revisions().get(article.id(), article.revision());
        RestorePage page = new RestorePage(
                layout,
                article.id(),
                article.headline(),
                old.number(),
                article.revision(),
                article.isPublished(),
                layout.messages().dateTime(old.savedAt()),
                WordDiff.html(WordDiff.diff(current.asText(), old.asText())),
                correctionsSince(article.id(), old.savedAt(), layout.messages()),
                n.revisions().pending(article.id()).isPresent());
        ctx.contentType(PageRenderer.HTML).result(n.renderer().render("newsroom/restore.jte", page));
    }

    public void restore(Context ctx) {
        Article article = editor.article(ctx);
        if (!editor.mayEdit(ctx, article)) return;
        Integer number = number(ctx.pathParam("revision"));
        Integer expected = number(ctx.formParam("revision"));
        if (number == null || expected == null) {
            throw ValidationException.of("revision", "newsroom.error.revision_required");
        }
        // A conflict (someone saved meanwhile) propagates as a 409 page that says so.
        if (article.isPublished()) {
            n.revisions()
                    .proposeRestore(article.id(), number, expected, n.gate().actor(ctx));
            Flash.set(ctx, n.gate(), "newsroom.flash.restore_pending", Map.of("revision", number));
            ctx.redirect("/admin/articles/" + article.id() + "/pending", HttpStatus.SEE_OTHER);
            return;
        }
        var restored =
                n.revisions().restore(article.id(), number, expected, n.gate().actor(ctx));
        Flash.set(ctx, n.gate(), "newsroom.flash.restored", Map.of("revision", number, "saved", restored.revision()));
        ctx.redirect("/admin/articles/" + article.id(), HttpStatus.SEE_OTHER);
    }

    /** The change waiting on a published article, word by word against what readers see now. */
    public void pending(Context ctx) {
        Article article = editor.article(ctx);
        if (!editor.mayEdit(ctx, article)) return;
        NewsroomLayout layout = n.layouts().layout(ctx, "newsroom.pending.title");
        Messages msg = layout.messages();
        PendingChange change = n.revisions().pending(article.id()).orElse(null);
        PendingPage page;
        if (change == null) {
            page = new PendingPage(
                    layout,
                    article.id(),
                    article.headline(),
                    null,
                    null,
                    null,
                    null,
                    false,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    false);
        } else {
            Revision live = n.revisions().get(article.id(), article.revision());
            String proposer = new DeskEditor.Names(accounts, msg).of(change.proposedBy());
            Instant since = change.restoredFrom() == null
                    ? change.proposedAt()
                    : n.revisions().get(article.id(), change.restoredFrom()).savedAt();
            page = new PendingPage(
                    layout,
                    article.id(),
                    article.headline(),
                    change.id(),
                    proposer,
                    Times.brief(
                            change.proposedAt(),
                            msg,
                            n.site().timezone(),
                            n.clock().instant()),
                    change.restoredFrom(),
                    article.revision() != change.baseRevision(),
                    diff(live.headline(), change.headline()),
                    diff(live.dateline().printed(), change.dateline().printed()),
                    diff(live.standfirst(), change.standfirst()),
                    diff(live.body(), change.body()),
                    change.restoredFrom() == null ? List.of() : correctionsSince(article.id(), since, msg),
                    Permissions.isEditor(user(ctx)));
        }
        ctx.contentType(PageRenderer.HTML).result(n.renderer().render("newsroom/pending.jte", page));
    }

    public void approve(Context ctx) {
        Article article = decision(ctx);
        if (article == null) return;
        Article saved =
                n.revisions().approve(article.id(), changeId(ctx), n.gate().actor(ctx));
        Flash.set(ctx, n.gate(), "newsroom.flash.change_approved", Map.of("revision", saved.revision()));
        ctx.redirect("/admin/articles/" + article.id(), HttpStatus.SEE_OTHER);
    }

    public void reject(Context ctx) {
        Article article = decision(ctx);
        if (article == null) return;
        n.revisions().reject(article.id(), changeId(ctx), n.gate().actor(ctx));
        Flash.set(ctx, n.gate(), "newsroom.flash.change_rejected");
        ctx.redirect("/admin/articles/" + article.id(), HttpStatus.SEE_OTHER);
    }

    /** The article a decision is about, or null when the role may not decide (the page says so). */
    private Article decision(Context ctx) {
        Article article = editor.article(ctx);
        if (Permissions.isEditor(user(ctx))) return article;
        n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
        return null;
    }

    private static long changeId(Context ctx) {
        String id = ctx.pathParam("change");
        if (!id.matches("\\d{1,18}")) throw new NotFoundException("No change " + id);
        return Long.parseLong(id);
    }

    /** Corrections published at or after this time (the revision's save), each worded, oldest first. */
    private List<String> correctionsSince(long articleId, Instant since, Messages msg) {
        return n.corrections().of(articleId).stream()
                .filter(c -> !c.correctedAt().isBefore(since))
                .map((Correction c) -> msg.format(
                        "newsroom.restore.correction", Map.of("note", c.note(), "time", msg.dateTime(c.correctedAt()))))
                .toList();
    }

    private static String diff(String before, String after) {
        return WordDiff.html(WordDiff.diff(before == null ? "" : before, after == null ? "" : after));
    }

    private static User user(Context ctx) {
        return StaffGate.session(ctx).user();
    }

    private static Integer number(String value) {
        return value != null && value.matches("\\d{1,9}") ? Integer.parseInt(value) : null;
    }
}
