package org.wargeys.newsroom;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.wargeys.account.AccountService;
import org.wargeys.account.Role;
import org.wargeys.account.User;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleListing;
import org.wargeys.article.PendingChange;
import org.wargeys.article.Permissions;
import org.wargeys.desk.Assignment;
import org.wargeys.desk.DeskModule;
import org.wargeys.desk.DeskQueries;
import org.wargeys.web.Messages;
import org.wargeys.web.PageRenderer;

/**
 * The desk, {@code /admin}: what needs doing today for the staff member's role. Everyone: what they
 * were assigned, what was returned to them, their drafts. Translators: the articles missing or behind
 * in their languages. Editors and administrators: the review queue (longest waiting first, who
 * submitted it and when), what is scheduled (a list and the week in the site's time zone), what went
 * live lately with its shares, today's corrections, and everyone's open assignments. Everything links
 * to the article.
 */
public final class DeskEditor {

    static final int SHORT = 10;
    static final int LONG = 50;

    private final Newsroom n;
    private final DeskModule desk;
    private final ArticleListing listing;
    private final AccountService accounts;

    DeskEditor(Newsroom newsroom, DeskModule desk, ArticleListing listing, AccountService accounts) {
        this.n = newsroom;
        this.desk = desk;
        this.listing = listing;
        this.accounts = accounts;
    }

    public void show(Context ctx) {
        NewsroomLayout layout = n.layouts().layout(ctx, "newsroom.desk.title");
        User user = layout.user();
        Messages msg = layout.messages();
        ZoneId zone = n.site().timezone();
        Instant now = n.clock().instant();
        String ui = layout.language().code();
        Names names = new Names(accounts, msg);
        boolean editor = Permissions.isEditor(user);

        List<Assignment> mine = desk.assignments().openFor(user.id());
        List<DeskPage.Item> assigned = assignmentItems(mine, ui, msg, now, names, false);

        List<DeskQueries.Returned> returnedLines = desk.queries().returned(user.id(), SHORT);
        Map<Long, DeskQueries.Returned> returnedById = new HashMap<>();
        returnedLines.forEach(r -> returnedById.put(r.articleId(), r));
        List<DeskPage.Item> returned = items(
                returnedLines.stream().map(DeskQueries.Returned::articleId).toList(), ui, a -> {
                    var r = returnedById.get(a.id());
                    return msg.format(
                            "newsroom.desk.returned_by",
                            Map.of(
                                    "name",
                                    names.of(r.returnedBy()),
                                    "time",
                                    Times.brief(r.returnedAt(), msg, zone, now)));
                });
        List<Long> draftIds = desk.queries().drafts(user.id(), SHORT).stream()
                .filter(id -> !returnedById.containsKey(id))
                .toList();
        List<DeskPage.Item> drafts = items(
                draftIds,
                ui,
                a -> msg.format("newsroom.desk.edited", Map.of("time", Times.brief(a.updatedAt(), msg, zone, now))));

        List<DeskPage.TranslationNeed> translations = null;
        if (user.role() == Role.TRANSLATOR) {
            translations = new ArrayList<>();
            for (String language : user.languages().stream().sorted().toList()) {
                translations.add(new DeskPage.TranslationNeed(
                        language,
                        msg.languageName(language),
                        items(
                                desk.queries().missingIn(language, SHORT),
                                ui,
                                a -> msg.format(
                                        "newsroom.desk.published_at",
                                        Map.of("time", Times.brief(a.publishedAt(), msg, zone, now)))),
                        items(
                                desk.queries().outdatedIn(List.of(language), SHORT),
                                ui,
                                a -> msg.get("newsroom.desk.source_changed"))));
            }
        }

        List<DeskPage.Item> review = null;
        List<DeskPage.Item> pending = null;
        List<DeskPage.Item> scheduled = null;
        List<DeskPage.Day> week = null;
        List<DeskPage.Item> published = null;
        List<DeskPage.Item> corrections = null;
        List<DeskPage.Item> open = null;
        if (editor) {
            List<DeskQueries.InReview> queue = desk.queries().reviewQueue(LONG);
            Map<Long, DeskQueries.InReview> byId = new HashMap<>();
            queue.forEach(q -> byId.put(q.articleId(), q));
            review = items(queue.stream().map(DeskQueries.InReview::articleId).toList(), ui, a -> {
                var q = byId.get(a.id());
                return q.submittedAt() == null
                        ? msg.get("newsroom.desk.submitted_unknown")
                        : msg.format(
                                "newsroom.desk.submitted_by",
                                Map.of(
                                        "name",
                                        names.of(q.submittedBy()),
                                        "time",
                                        Times.brief(q.submittedAt(), msg, zone, now)));
            });
            // Changes to live articles that wait for approval, longest waiting first: each leads to its review.
            List<PendingChange> changes = n.revisions().pendingQueue(LONG);
            Map<Long, ArticleListing.Row> changed = new HashMap<>();
            listing.rows(changes.stream().map(PendingChange::articleId).toList(), ui)
                    .forEach(r -> changed.put(r.article().id(), r));
            pending = new ArrayList<>();
            for (PendingChange c : changes) {
                var row = changed.get(c.articleId());
                if (row == null) continue;
                Article a = row.article();
                pending.add(new DeskPage.Item(
                        a.id(),
                        a.headline(),
                        a.language(),
                        a.status().code(),
                        "/admin/articles/" + a.id() + "/pending",
                        msg.format(
                                "newsroom.desk.pending_by",
                                Map.of(
                                        "name",
                                        names.of(c.proposedBy()),
                                        "time",
                                        Times.brief(c.proposedAt(), msg, zone, now))),
                        false));
            }
            List<ArticleListing.Row> upcoming = listing.rows(desk.queries().scheduled(LONG), ui);
            scheduled = upcoming.stream()
                    .map(r -> item(
                            r,
                            msg.format(
                                    "newsroom.desk.goes_live",
                                    Map.of("time", Times.zoned(r.article().scheduledAt(), msg, zone, now)))))
                    .toList();
            week = week(upcoming, msg, zone, now);
            published = items(
                    desk.queries().recentlyPublished(SHORT),
                    ui,
                    a -> msg.format(
                            "newsroom.desk.published_shares",
                            Map.of(
                                    "time",
                                    Times.brief(a.publishedAt(), msg, zone, now),
                                    "shares",
                                    n.shares().total(a.id()))));
            LocalDate today = LocalDate.ofInstant(now, zone);
            var todays =
                    desk.queries().correctionsSince(today.atStartOfDay(zone).toInstant(), LONG);
            corrections = new ArrayList<>();
            Map<Long, ArticleListing.Row> corrected = new HashMap<>();
            listing.rows(
                            todays.stream()
                                    .map(DeskQueries.CorrectionLine::articleId)
                                    .toList(),
                            ui)
                    .forEach(r -> corrected.put(r.article().id(), r));
            for (var c : todays) {
                var row = corrected.get(c.articleId());
                if (row == null) continue;
                corrections.add(item(
                        row,
                        msg.format(
                                "newsroom.desk.correction",
                                Map.of(
                                        "note",
                                        c.note(),
                                        "name",
                                        names.of(c.by()),
                                        "time",
                                        Times.brief(c.at(), msg, zone, now)))));
            }
            open = assignmentItems(desk.assignments().open(LONG), ui, msg, now, names, true);
        }
        DeskPage page = new DeskPage(
                layout,
                assigned,
                returned,
                drafts,
                translations,
                review,
                pending,
                scheduled,
                week,
                published,
                corrections,
                open,
                zone.getId());
        ctx.contentType(PageRenderer.HTML).result(n.renderer().render("newsroom/desk.jte", page));
    }

    /** The next seven days from today in the site's zone, each with what goes live on it. */
    private static List<DeskPage.Day> week(List<ArticleListing.Row> upcoming, Messages msg, ZoneId zone, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        var locale = msg.language().locale();
        List<DeskPage.Day> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate day = today.plusDays(i);
            List<DeskPage.Item> items = upcoming.stream()
                    .filter(r ->
                            LocalDate.ofInstant(r.article().scheduledAt(), zone).equals(day))
                    .map(r -> item(
                            r,
                            DateTimeFormatter.ofPattern("HH:mm", locale)
                                    .withZone(zone)
                                    .format(r.article().scheduledAt())))
                    .toList();
            days.add(new DeskPage.Day(
                    DateTimeFormatter.ofPattern("EEEE", locale).format(day),
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                            .withLocale(locale)
                            .format(day),
                    i == 0,
                    items));
        }
        return days;
    }

    private List<DeskPage.Item> assignmentItems(
            List<Assignment> list, String ui, Messages msg, Instant now, Names names, boolean withAssignee) {
        ZoneId zone = n.site().timezone();
        Map<Long, ArticleListing.Row> rows = new HashMap<>();
        listing.rows(list.stream().map(Assignment::articleId).toList(), ui)
                .forEach(r -> rows.put(r.article().id(), r));
        List<DeskPage.Item> items = new ArrayList<>();
        for (Assignment a : list) {
            var row = rows.get(a.articleId());
            if (row == null) continue;
            String what = a.isTranslation()
                    ? msg.format("newsroom.desk.translate_into", Map.of("language", msg.languageName(a.language())))
                    : msg.get("newsroom.desk.the_article");
            String due = a.dueAt() == null
                    ? msg.get("newsroom.desk.no_due")
                    : msg.format(
                            a.late(now) ? "newsroom.desk.overdue" : "newsroom.desk.due",
                            Map.of("time", Times.zoned(a.dueAt(), msg, zone, now)));
            String note = withAssignee
                    ? msg.format(
                            "newsroom.desk.assignment_of",
                            Map.of("name", names.ofId(a.assigneeId()), "what", what, "due", due))
                    : msg.format("newsroom.desk.assignment", Map.of("what", what, "due", due));
            Article article = row.article();
            items.add(new DeskPage.Item(
                    article.id(),
                    article.headline(),
                    article.language(),
                    article.status().code(),
                    "/admin/articles/" + article.id() + "/desk",
                    note,
                    a.late(now)));
        }
        return items;
    }

    private List<DeskPage.Item> items(List<Long> ids, String ui, Function<Article, String> note) {
        return listing.rows(ids, ui).stream()
                .map(r -> item(r, note.apply(r.article())))
                .toList();
    }

    private static DeskPage.Item item(ArticleListing.Row row, String note) {
        Article a = row.article();
        return new DeskPage.Item(
                a.id(), a.headline(), a.language(), a.status().code(), "/admin/articles/" + a.id(), note, false);
    }

    /** Staff names by email (as the audit log names people) and by id, looked up once a page. */
    static final class Names {
        private final AccountService accounts;
        private final Messages msg;
        private final Map<String, String> byEmail = new HashMap<>();
        private final Map<Long, String> byId = new HashMap<>();

        Names(AccountService accounts, Messages msg) {
            this.accounts = accounts;
            this.msg = msg;
        }

        String of(String email) {
            if (email == null || email.equals("system")) return msg.get("newsroom.audit.system");
            if (email.equals("terminal")) return msg.get("newsroom.audit.terminal");
            return byEmail.computeIfAbsent(
                    email, e -> accounts.findByEmail(e).map(User::displayName).orElse(e));
        }

        String ofId(Long id) {
            if (id == null) return msg.get("newsroom.audit.system");
            return byId.computeIfAbsent(
                    id, i -> accounts.find(i).map(User::displayName).orElse("#" + i));
        }
    }
}
