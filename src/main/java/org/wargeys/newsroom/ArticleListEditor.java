package org.wargeys.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wargeys.account.AccountService;
import org.wargeys.account.User;
import org.wargeys.article.ArticleBulk;
import org.wargeys.article.ArticleListing;
import org.wargeys.article.ArticleStatus;
import org.wargeys.article.Permissions;
import org.wargeys.article.Taxonomy;
import org.wargeys.desk.Assignments;
import org.wargeys.desk.Notes;
import org.wargeys.platform.Actor;
import org.wargeys.platform.Language;
import org.wargeys.platform.Site;
import org.wargeys.platform.ValidationException;
import org.wargeys.web.Messages;
import org.wargeys.web.PageRenderer;

/**
 * The article list, {@code /admin/articles}: every article, fifty a page (keyset pages: as fast at
 * page 2,000 as at page 1), searched by words and filtered by language, status, section, byline and
 * translation state, sorted; and, for editors, bulk actions on the articles ticked: publish, take
 * down, move to a section, add a tag, assign.
 */
public final class ArticleListEditor {

    /** The state of a translation whose source changed since (the editor shows it too). */
    static final String OUTDATED = "outdated";

    /** The bulk actions the list offers editors. */
    static final List<String> ACTIONS = List.of("publish", "unpublish", "section", "tag", "assign");

    private final Site site;
    private final ArticleListing listing;
    private final ArticleBulk bulk;
    private final Taxonomy taxonomy;
    private final Assignments assignments;
    private final Notes notes;
    private final AccountService accounts;
    private final Newsroom n;

    ArticleListEditor(
            Newsroom newsroom,
            ArticleListing listing,
            ArticleBulk bulk,
            Assignments assignments,
            Notes notes,
            AccountService accounts) {
        this.n = newsroom;
        this.site = newsroom.site();
        this.listing = listing;
        this.bulk = bulk;
        this.taxonomy = newsroom.taxonomy();
        this.assignments = assignments;
        this.notes = notes;
        this.accounts = accounts;
    }

    public void list(Context ctx) {
        User user = StaffGate.session(ctx).user();
        NewsroomLayout layout = n.layouts().layout(ctx, "newsroom.articles.title");
        Messages msg = layout.messages();
        String ui = layout.language().code();
        ArticleListPage.Filter f = filter(ctx);
        ArticleListing.Query query = new ArticleListing.Query(
                f.q(),
                f.language(),
                f.status().isEmpty() ? null : ArticleStatus.of(f.status()),
                f.section(),
                f.author(),
                ArticleListing.TranslationState.of(f.translation()),
                null,
                ArticleListing.Sort.of(f.sort()));
        ArticleListing.Page found = listing.page(
                query, cursor(ctx.queryParam("after")), cursor(ctx.queryParam("before")), ArticleListing.PAGE, ui);
        Map<String, String> kept = f.query();
        Instant now = n.clock().instant();
        var zone = site.timezone();
        Map<Long, Integer> noteCounts =
                notes.counts(found.rows().stream().map(r -> r.article().id()).toList());
        List<ArticleListPage.Row> rows = found.rows().stream()
                .map(r -> row(
                        r, user, msg, now, noteCounts.getOrDefault(r.article().id(), 0)))
                .toList();
        boolean editor = Permissions.isEditor(user);
        ArticleListPage page = new ArticleListPage(
                layout,
                f,
                site.languages().stream().map(Language::code).toList(),
                statuses(),
                taxonomy.sections(ui),
                taxonomy.authors(ui),
                rows,
                found.previous() == null
                        ? null
                        : "/admin/articles?" + Query.string(kept, "before", encode(found.previous())),
                found.next() == null ? null : "/admin/articles?" + Query.string(kept, "after", encode(found.next())),
                editor,
                editor ? taxonomy.tags(ui) : List.of(),
                editor ? staff() : List.of(),
                "/admin/articles" + (kept.isEmpty() ? "" : "?" + Query.string(kept)),
                zone.getId());
        ctx.contentType(PageRenderer.HTML).result(n.renderer().render("newsroom/articles.jte", page));
    }

    /** A bulk action on the ticked articles (editors only); back to the list as it was, with what happened. */
    public void bulk(Context ctx) {
        User user = StaffGate.session(ctx).user();
        if (!Permissions.isEditor(user)) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        List<Long> ids = new ArrayList<>();
        for (String id : ctx.formParams("ids")) {
            if (id.matches("\\d{1,18}")) ids.add(Long.parseLong(id));
        }
        String action = String.valueOf(ctx.formParam("action"));
        if (!ACTIONS.contains(action)) throw ValidationException.of("action", "newsroom.bulk.error.action");
        Actor actor = n.gate().actor(ctx);
        String back = back(ctx.formParam("return"));
        switch (action) {
            case "publish" -> done(ctx, "newsroom.flash.bulk_published", bulk.publish(ids, actor));
            case "unpublish" -> done(ctx, "newsroom.flash.bulk_unpublished", bulk.unpublish(ids, actor));
            case "section" ->
                done(ctx, "newsroom.flash.bulk_moved", bulk.moveToSection(ids, ctx.formParam("section"), actor));
            case "tag" -> done(ctx, "newsroom.flash.bulk_tagged", bulk.addTag(ids, ctx.formParam("tag"), actor));
            default -> {
                String assignee = String.valueOf(ctx.formParam("assignee"));
                if (!assignee.matches("\\d{1,18}"))
                    throw ValidationException.of("assignee", "desk.error.assignee_unknown");
                String language = ctx.formParam("assign_language");
                Instant due = due(ctx.formParam("due"));
                var made = assignments.assign(
                        ids,
                        language == null || language.isBlank() ? null : language,
                        Long.parseLong(assignee),
                        due,
                        actor);
                String name = accounts.find(Long.parseLong(assignee))
                        .map(User::displayName)
                        .orElse(assignee);
                if (due == null) {
                    Flash.set(
                            ctx, n.gate(), "newsroom.flash.bulk_assigned", Map.of("count", made.size(), "name", name));
                } else {
                    Flash.set(
                            ctx,
                            n.gate(),
                            "newsroom.flash.bulk_assigned_due",
                            Map.of("count", made.size(), "name", name, "time", Flash.time(due)));
                }
            }
        }
        ctx.redirect(back, HttpStatus.SEE_OTHER);
    }

    private void done(Context ctx, String key, ArticleBulk.Result result) {
        Flash.set(
                ctx,
                n.gate(),
                key,
                Map.of("done", result.done().size(), "skipped", result.skipped().size()));
    }

    private ArticleListPage.Row row(ArticleListing.Row r, User user, Messages msg, Instant now, int notes) {
        var a = r.article();
        var zone = site.timezone();
        String state = r.translationState().code();
        String translation = switch (r.translationState()) {
            case ORIGINAL -> msg.get("newsroom.translation_state.original");
            case INCOMPLETE ->
                msg.format(
                        "newsroom.translation_state.incomplete",
                        Map.of(
                                "languages",
                                String.join(
                                        ", ",
                                        r.missing().stream()
                                                .map(msg::languageName)
                                                .toList())));
            case CURRENT ->
                msg.format(
                        "newsroom.translation_state.current", Map.of("language", msg.languageName(r.sourceLanguage())));
            case OUTDATED ->
                msg.format(
                        "newsroom.translation_state.outdated",
                        Map.of("language", msg.languageName(r.sourceLanguage())));
        };
        List<String> translateInto = r.sourceLanguage() != null
                ? List.of()
                : r.missing().stream()
                        .filter(l -> Permissions.mayTranslateInto(user, l))
                        .toList();
        String status = msg.get("newsroom.state." + a.status().code());
        if (a.status() == ArticleStatus.SCHEDULED && a.scheduledAt() != null) {
            status = msg.format(
                    "newsroom.editor.scheduled_for", Map.of("time", Times.zoned(a.scheduledAt(), msg, zone, now)));
        }
        return new ArticleListPage.Row(
                a.id(),
                a.headline(),
                a.language(),
                msg.languageName(a.language()),
                a.status().code(),
                status,
                state,
                translation,
                translateInto,
                r.section() == null ? "" : r.section(),
                String.join(", ", r.bylines()),
                Times.brief(a.updatedAt(), msg, zone, now),
                Times.iso(a.updatedAt()),
                a.publishedAt() == null ? "" : Times.brief(a.publishedAt(), msg, zone, now),
                Times.iso(a.publishedAt()),
                notes);
    }

    private List<ArticleListPage.Person> staff() {
        return accounts.all().stream()
                .filter(User::active)
                .map(u -> new ArticleListPage.Person(u.id(), u.displayName()))
                .toList();
    }

    private ArticleListPage.Filter filter(Context ctx) {
        String language = param(ctx, "language");
        if (!language.isEmpty() && !site.publishesIn(language)) language = "";
        String status = param(ctx, "status");
        if (!statuses().contains(status)) status = "";
        String translation = param(ctx, "translation");
        if (ArticleListing.TranslationState.of(translation) == null) translation = "";
        String sort = ArticleListing.Sort.of(param(ctx, "sort")).code();
        String q = param(ctx, "q");
        if (q.length() > 200) q = q.substring(0, 200);
        return new ArticleListPage.Filter(
                q, language, status, param(ctx, "section"), param(ctx, "author"), translation, sort);
    }

    static List<String> statuses() {
        return java.util.Arrays.stream(ArticleStatus.values())
                .map(ArticleStatus::code)
                .toList();
    }

    /** A page cursor in a URL: the sort value (base64url) and the row's id. */
    static String encode(ArticleListing.Cursor cursor) {
        return Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(cursor.value().getBytes(StandardCharsets.UTF_8)) + "." + cursor.id();
    }

    static ArticleListing.Cursor cursor(String encoded) {
        if (encoded == null || !encoded.matches("[A-Za-z0-9_-]{0,700}\\.\\d{1,18}")) return null;
        int dot = encoded.lastIndexOf('.');
        try {
            String value = new String(Base64.getUrlDecoder().decode(encoded.substring(0, dot)), StandardCharsets.UTF_8);
            return new ArticleListing.Cursor(value, Long.parseLong(encoded.substring(dot + 1)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A {@code datetime-local} value, read in the site's time zone; null for none. */
    private Instant due(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDateTime.parse(value.strip()).atZone(site.timezone()).toInstant();
        } catch (DateTimeParseException e) {
            throw ValidationException.of("due", "newsroom.error.schedule_unreadable", Map.of("value", value));
        }
    }

    /** The list page to come back to: a newsroom article list address, else the list itself. */
    private static String back(String value) {
        if (value == null || !value.startsWith("/admin/articles") || value.contains("//") || value.length() > 1000) {
            return "/admin/articles";
        }
        return value;
    }

    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value.strip();
    }

    /** The filter's parameters as a map (for page links), without the empty ones. */
    static Map<String, String> query(ArticleListPage.Filter f) {
        Map<String, String> q = new LinkedHashMap<>();
        if (!f.q().isEmpty()) q.put("q", f.q());
        if (!f.language().isEmpty()) q.put("language", f.language());
        if (!f.status().isEmpty()) q.put("status", f.status());
        if (!f.section().isEmpty()) q.put("section", f.section());
        if (!f.author().isEmpty()) q.put("author", f.author());
        if (!f.translation().isEmpty()) q.put("translation", f.translation());
        if (!f.sort().equals("updated")) q.put("sort", f.sort());
        return q;
    }
}
