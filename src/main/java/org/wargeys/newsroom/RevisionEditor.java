package org.wargeys.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.wargeys.article.Article;
import org.wargeys.article.Revision;
import org.wargeys.article.TextDiff;
import org.wargeys.platform.ValidationException;
import org.wargeys.web.Messages;
import org.wargeys.web.PageRenderer;

/** {@code /admin/articles/{id}/revisions}: the list, the diff between any two, and restoring one. */
public final class RevisionEditor {

    private final Newsroom n;
    private final ArticleEditor editor;

    RevisionEditor(Newsroom newsroom, ArticleEditor editor) {
        this.n = newsroom;
        this.editor = editor;
    }

    public void list(Context ctx) {
        Article article = editor.article(ctx);
        if (!editor.mayEdit(ctx, article)) return;
        NewsroomLayout layout = n.layouts().layout(ctx, "newsroom.revisions.title");
        Messages msg = layout.messages();
        List<Revision> revisions = n.revisions().list(article.id());
        Integer from = number(ctx.queryParam("from"));
        Integer to = number(ctx.queryParam("to"));
        List<TextDiff.Line> diff = null;
        if (from != null && to != null) {
            diff = n.revisions().diff(article.id(), from, to);
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

    public void restore(Context ctx) {
        Article article = editor.article(ctx);
        if (!editor.mayEdit(ctx, article)) return;
        Integer number = number(ctx.pathParam("revision"));
        Integer expected = number(ctx.formParam("revision"));
        if (number == null || expected == null) {
            throw ValidationException.of("revision", "newsroom.error.revision_required");
        }
        // A conflict (someone saved meanwhile) propagates as a 409 page that says so.
        n.revisions().restore(article.id(), number, expected, n.gate().actor(ctx));
        ctx.redirect("/admin/articles/" + article.id() + "?notice=saved", HttpStatus.SEE_OTHER);
    }

    private static Integer number(String value) {
        return value != null && value.matches("\\d{1,9}") ? Integer.parseInt(value) : null;
    }
}
