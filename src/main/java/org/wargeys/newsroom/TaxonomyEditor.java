package org.wargeys.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.JdbiException;
import org.wargeys.article.Permissions;
import org.wargeys.article.Slug;
import org.wargeys.article.Taxonomy;
import org.wargeys.platform.Actor;
import org.wargeys.platform.Language;
import org.wargeys.platform.ValidationException;
import org.wargeys.web.PageRenderer;

/** {@code /admin/taxonomy}: sections, tags and authors with a name per language; editors define and rename them. */
public final class TaxonomyEditor {

    private static final List<String> KINDS = List.of("section", "tag", "author");
    private static final int MAX_NAME = 200;

    private final Newsroom n;

    TaxonomyEditor(Newsroom newsroom) {
        this.n = newsroom;
    }

    public void list(Context ctx) {
        render(ctx, 200, Map.of(), "saved".equals(ctx.queryParam("notice")));
    }

    public void define(Context ctx) {
        if (!Permissions.isEditor(StaffGate.session(ctx).user())) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        String kind = String.valueOf(ctx.formParam("kind"));
        String key = ctx.formParam("key") == null ? "" : ctx.formParam("key").strip();
        Map<String, String> names = new LinkedHashMap<>();
        for (Language l : n.site().languages()) {
            String name = ctx.formParam("name_" + l.code());
            if (name != null && !name.isBlank()) names.put(l.code(), name.strip());
        }
        Actor actor = n.gate().actor(ctx);
        try {
            if (!KINDS.contains(kind)) throw ValidationException.of("kind", "newsroom.taxonomy.error.kind");
            if (!Slug.isValid(key)) throw ValidationException.of("key", "newsroom.taxonomy.error.key");
            if (names.isEmpty()) throw ValidationException.of("names", "newsroom.taxonomy.error.names_required");
            if (names.values().stream().anyMatch(v -> v.length() > MAX_NAME)) {
                throw ValidationException.of("names", "newsroom.taxonomy.error.name_too_long", Map.of("max", MAX_NAME));
            }
            switch (kind) {
                case "section" -> n.articles().defineSection(key, names, actor);
                case "tag" -> n.articles().defineTag(key, names, actor);
                default ->
                    n.articles()
                            .defineAuthor(
                                    key, names.values().iterator().next(), names, ctx.formParam("x_handle"), actor);
            }
        } catch (ValidationException e) {
            render(ctx, 400, n.layouts().messages(ctx).problems(e.problems()), false);
            return;
        } catch (JdbiException e) {
            // Two terms whose names make the same slug in one language collide on the unique index.
            render(
                    ctx,
                    400,
                    Map.of("names", n.layouts().messages(ctx).get("newsroom.taxonomy.error.name_taken")),
                    false);
            return;
        }
        ctx.redirect("/admin/taxonomy?notice=saved", HttpStatus.SEE_OTHER);
    }

    /**
     * An editor's answer to a proposed tag: accept it as a new tag, merge it into an existing one
     * ({@code into}), or turn it down.
     */
    public void answer(Context ctx) {
        if (!Permissions.isEditor(StaffGate.session(ctx).user())) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        String language = ctx.formParam("language");
        String name = ctx.formParam("name");
        if (language == null || name == null || !n.site().publishesIn(language)) {
            n.gate().refuse(ctx, 400, "newsroom.error.bad_form");
            return;
        }
        try {
            if ("reject".equals(ctx.formParam("answer"))) {
                n.articles().rejectProposal(language, name, n.gate().actor(ctx));
            } else {
                String into = "merge".equals(ctx.formParam("answer")) ? ctx.formParam("into") : null;
                n.articles().acceptProposal(language, name, into, n.gate().actor(ctx));
            }
        } catch (ValidationException e) {
            render(ctx, 400, n.layouts().messages(ctx).problems(e.problems()), false);
            return;
        }
        ctx.redirect("/admin/taxonomy?notice=saved", HttpStatus.SEE_OTHER);
    }

    /** Merges one tag into another (editors): its articles take the other, and it is gone. */
    public void merge(Context ctx) {
        if (!Permissions.isEditor(StaffGate.session(ctx).user())) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        try {
            n.articles()
                    .mergeTags(
                            String.valueOf(ctx.formParam("from")),
                            String.valueOf(ctx.formParam("into")),
                            n.gate().actor(ctx));
        } catch (ValidationException e) {
            render(ctx, 400, n.layouts().messages(ctx).problems(e.problems()), false);
            return;
        }
        ctx.redirect("/admin/taxonomy?notice=saved", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, Map<String, String> errors, boolean saved) {
        NewsroomLayout layout = n.layouts().layout(ctx, "newsroom.taxonomy.title");
        Map<String, Map<String, Map<String, String>>> terms = new LinkedHashMap<>();
        List<String> languages =
                n.site().languages().stream().map(Language::code).toList();
        for (String kind : KINDS) {
            Map<String, Map<String, String>> byKey = new TreeMap<>();
            for (String language : languages) {
                List<Taxonomy.Term> list = switch (kind) {
                    case "section" -> n.taxonomy().sections(language);
                    case "tag" -> n.taxonomy().tags(language);
                    default -> n.taxonomy().authors(language);
                };
                list.forEach(t -> byKey.computeIfAbsent(t.key(), k -> new LinkedHashMap<>())
                        .put(language, t.name()));
            }
            terms.put(kind, byKey);
        }
        TaxonomyPage page = new TaxonomyPage(
                layout,
                languages,
                terms,
                n.articles().authorXHandles(),
                errors,
                saved,
                n.taxonomy().proposals(),
                Permissions.isEditor(StaffGate.session(ctx).user()));
        ctx.status(status).contentType(PageRenderer.HTML).result(n.renderer().render("newsroom/taxonomy.jte", page));
    }
}
