package org.wargeys.newsroom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wargeys.account.User;
import org.wargeys.article.Article;
import org.wargeys.article.ArticlePresence;
import org.wargeys.article.ArticleStatus;
import org.wargeys.article.BodyBlocks;
import org.wargeys.article.BodyFormat;
import org.wargeys.article.EditConflictException;
import org.wargeys.article.Revision;
import org.wargeys.article.WordDiff;
import org.wargeys.platform.StorageFailure;
import org.wargeys.platform.ValidationException;
import org.wargeys.web.Messages;

/**
 * What the editor's script asks for while someone writes, all in JSON: autosave ({@code
 * /admin/articles/{id}/autosave}), who else is editing ({@code …/presence}), both versions after a
 * conflicting save ({@code …/conflict}) and the CSRF token of a session started again in place ({@code
 * /admin/session}). Thread-safe.
 */
public final class EditorSync {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Newsroom n;
    private final ArticleEditor editor;

    EditorSync(Newsroom newsroom, ArticleEditor editor) {
        this.n = newsroom;
        this.editor = editor;
    }

    /**
     * Saves the posted form. A draft is saved onto itself (an autosave's revisions merge with the
     * writer's previous autosave); an article past the draft stage keeps an autosave as this person's
     * unsaved copy and changes only when they ask ({@code mode=save}), as the Update button does.
     */
    public void autosave(Context ctx) {
        Article article = editor.article(ctx);
        if (!editor.mayEdit(ctx, article)) return;
        ArticleForm form = ArticleForm.posted(ctx, article.language());
        if (!editor.mayPinAsPosted(ctx, form)) return;
        boolean explicit = "save".equals(ctx.formParam("mode"));
        User user = ArticleEditor.user(ctx);
        try {
            if (article.status() != ArticleStatus.DRAFT && !explicit) {
                if (form.revision() != article.revision())
                    throw new EditConflictException(article.id(), form.revision());
                var copy = n.autosaves().keep(article.id(), user.id(), form.revision(), form.fields());
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("pending", true);
                out.put("revision", article.revision());
                out.put("time", editor.pages().time(copy.savedAt(), n.layouts().messages(ctx)));
                json(ctx, out);
                return;
            }
            if (explicit && editor.proposeInstead(ctx, article, form)) {
                // Waits for an editor: the script goes to the waiting change, as the plain form does.
                Flash.set(ctx, n.gate(), "newsroom.flash.edit_pending");
                n.autosaves().discard(article.id(), user.id());
                json(ctx, Map.of("pending", true, "location", "/admin/articles/" + article.id() + "/pending"));
                return;
            }
            Article saved = editor.store(ctx, article, form, !explicit);

            json(ctx, saved(n, editor.pages(), ctx, saved, false));
        } catch (EditConflictException e) {
            Article now = n.articles().find(article.id());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("conflict", true);
            out.put("revision", now.revision());
            out.putAll(savedBy(ctx, now));
            ctx.status(409);
            json(ctx, out);
        } catch (ValidationException e) {
            invalid(n, ctx, e);
        } catch (StorageFailure e) {
            unavailable(n, ctx, e);
        }
    }

    /** Throws away this person's unsaved copy of an article (the "discard my changes" button). */
    public void discard(Context ctx) {
        Article article = editor.article(ctx);
        if (!editor.mayEdit(ctx, article)) return;
        n.autosaves().discard(article.id(), ArticleEditor.user(ctx).id());
        if (wantsJson(ctx)) json(ctx, Map.of("discarded", true));
        else ctx.redirect("/admin/articles/" + article.id(), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /**
     * The heartbeat of an open editor: this tab is here (and takes over if asked); answers who holds the
     * article and who else has it open, "you, in another tab" for the same person elsewhere.
     */
    public void presence(Context ctx) {
        Article article = editor.article(ctx);
        if (!editor.mayEdit(ctx, article)) return;
        String tab = ctx.formParam("tab");
        if (tab == null || !tab.matches("[A-Za-z0-9-]{8,40}")) {
            ctx.status(400);
            json(ctx, Map.of("message", n.layouts().messages(ctx).get("newsroom.error.bad_form")));
            return;
        }
        if ("leave".equals(ctx.formParam("action"))) {
            n.presence().leave(article.id(), tab);
            json(ctx, Map.of("left", true));
            return;
        }
        User me = ArticleEditor.user(ctx);
        ArticlePresence.State state =
                n.presence().beat(article.id(), n.gate().actor(ctx), tab, "take-over".equals(ctx.formParam("action")));
        Messages msg = n.layouts().messages(ctx);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("holding", state.holding());
        out.put("revision", article.revision());
        state.holder().ifPresent(h -> out.put("holder", person(h, me, msg)));
        List<Map<String, Object>> others = new ArrayList<>();
        state.others().forEach(o -> others.add(person(o, me, msg)));
        out.put("others", others);
        json(ctx, out);
    }

    private Map<String, Object> person(ArticlePresence.Editor e, User me, Messages msg) {
        Map<String, Object> p = new LinkedHashMap<>();
        boolean mine = e.userId() == me.id();
        p.put(
                "name",
                mine
                        ? msg.get("editor.presence.you")
                        : n.accounts().find(e.userId()).map(User::displayName).orElse("?"));
        p.put("you", mine);
        p.put("since", editor.pages().time(e.since(), msg));
        return p;
    }

    /**
     * Both versions after a conflicting save, lined up: the one saved meanwhile and the posted one,
     * block by block with a word diff, headline and standfirst first, and who saved it when.
     */
    public void conflict(Context ctx) {
        Article article = editor.article(ctx);
        if (!editor.mayEdit(ctx, article)) return;
        ArticleForm mine = ArticleForm.posted(ctx, article.language());
        String theirsHtml = n.bodies().editable(article.bodyFormat(), article.body());
        String mineHtml = n.bodies().editable(BodyFormat.of(mine.bodyFormat()), mine.body());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BodyBlocks.Row r : BodyBlocks.align(BodyBlocks.of(theirsHtml), BodyBlocks.of(mineHtml))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(
                    "state",
                    r.before() == null ? "mine" : r.after() == null ? "theirs" : r.changed() ? "changed" : "same");
            row.put("theirs", r.before() == null ? null : r.before().html());
            row.put("mine", r.after() == null ? null : r.after().html());
            if (r.changed()) row.put("diff", r.diffHtml());
            rows.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("revision", article.revision());
        out.putAll(savedBy(ctx, article));
        out.put("headline", field(article.headline(), mine.headline()));
        out.put("standfirst", field(article.standfirst(), mine.standfirst()));
        out.put("rows", rows);
        json(ctx, out);
    }

    private static Map<String, Object> field(String theirs, String mine) {
        Map<String, Object> f = new LinkedHashMap<>();
        String t = theirs == null ? "" : theirs;
        String m = mine == null ? "" : mine.strip();
        f.put("theirs", t);
        f.put("mine", m);
        f.put("same", t.equals(m));
        if (!t.equals(m)) f.put("diff", WordDiff.html(WordDiff.diff(t, m)));
        return f;
    }

    /** Who saved the article's latest revision, "you, in another tab" when it was this person, and when. */
    private Map<String, Object> savedBy(Context ctx, Article article) {
        Messages msg = n.layouts().messages(ctx);
        User me = ArticleEditor.user(ctx);
        Optional<Revision> latest = n.revisions().find(article.id(), article.revision());
        String by = latest.map(Revision::savedBy).orElse(null);
        boolean you = me.email().equals(by);
        String name = you
                ? msg.get("editor.presence.you")
                : by == null
                        ? "?"
                        : n.accounts().findByEmail(by).map(User::displayName).orElse(by);
        return Map.of("by", name, "byYou", you, "time", editor.pages().time(article.updatedAt(), msg));
    }

    /** The CSRF token of this browser's session: the editor asks after signing in again in place. */
    public void session(Context ctx) {
        var session = StaffGate.session(ctx);
        json(ctx, Map.of("csrf", session.csrfToken(), "name", session.user().displayName()));
    }

    // ---- JSON answers the editor's script reads

    static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("application/json");
    }

    /** What a successful save tells the script: the new revision, the address, the time. */
    static Map<String, Object> saved(Newsroom n, EditorPages pages, Context ctx, Article saved, boolean pending) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", saved.id());
        out.put("revision", saved.revision());
        out.put("status", saved.status().code());
        out.put("slug", saved.slug());
        out.put("pending", pending);
        String time = pages.time(saved.updatedAt(), n.layouts().messages(ctx));
        out.put("time", time);
        out.put("message", n.layouts().messages(ctx).format("newsroom.editor.autosaved", Map.of("time", time)));
        if (saved.isPublished()) out.put("path", n.paths().path(saved));
        return out;
    }

    static void invalid(Newsroom n, Context ctx, ValidationException e) {
        Messages msg = n.layouts().messages(ctx);
        ctx.status(400);
        json(ctx, Map.of("message", msg.get("newsroom.editor.invalid"), "errors", msg.problems(e.problems())));
    }

    static void unavailable(Newsroom n, Context ctx, StorageFailure e) {
        ctx.status(503);
        json(ctx, Map.of("message", n.layouts().messages(ctx).get(e.kind().key())));
    }

    static void json(Context ctx, Object value) {
        try {
            ctx.contentType("application/json").result(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
