package org.wargeys.newsroom;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wargeys.account.AccountService;
import org.wargeys.article.Permissions;
import org.wargeys.platform.AuditEntry;
import org.wargeys.platform.AuditLog;
import org.wargeys.web.Messages;
import org.wargeys.web.PageRenderer;

/**
 * {@code /admin/audit}, administrators only: the audit log as plain sentences in the staff member's
 * language, newest first, filtered by who, what kind of action and dates, fifty lines a page (keyset
 * pagination: the hundredth page costs what the first does).
 */
public final class AuditEditor {

    static final int PAGE = 50;

    /** The kinds of action the filter offers, each a list of action codes or families (ending in a dot). */
    static final Map<String, List<String>> KINDS = kinds();

    private final Newsroom n;
    private final AccountService accounts;
    private final AuditSentences sentences;

    AuditEditor(Newsroom newsroom, AccountService accounts, AuditSentences sentences) {
        this.n = newsroom;
        this.accounts = accounts;
        this.sentences = sentences;
    }

    private static Map<String, List<String>> kinds() {
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        kinds.put("articles", List.of("article."));
        kinds.put("desk", List.of("assignment.", "note."));
        kinds.put("accounts", List.of("user."));
        kinds.put("sign_ins", List.of("login.", "logout", "logout."));
        kinds.put("media", List.of("media."));
        kinds.put("taxonomy", List.of("section.", "tag.", "author."));
        kinds.put("site", List.of("settings.", "search.", "cache."));
        return kinds;
    }

    public void list(Context ctx) {
        if (!Permissions.mayManageUsers(StaffGate.session(ctx).user())) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        NewsroomLayout layout = n.layouts().layout(ctx, "newsroom.audit.title");
        Messages msg = layout.messages();
        String who = param(ctx, "who");
        String kind = param(ctx, "kind");
        if (!kind.isEmpty() && !KINDS.containsKey(kind)) kind = "";
        LocalDate from = date(ctx, "from");
        LocalDate to = date(ctx, "to");
        var zone = n.site().timezone();
        AuditLog.Filter filter = new AuditLog.Filter(
                who.isEmpty() ? null : who,
                kind.isEmpty() ? List.of() : KINDS.get(kind),
                null,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
        AuditLog.Position before = position(ctx.queryParam("before"));
        AuditLog.Position after = before == null ? position(ctx.queryParam("after")) : null;
        List<AuditEntry> lines = n.audit().page(filter, before, after, PAGE + 1);
        boolean more = lines.size() > PAGE;
        if (more) lines = after != null ? lines.subList(1, lines.size()) : lines.subList(0, PAGE);
        // Paging back (after=…): there is an older page (the one we came from); a newer one if more came back.
        boolean newer = after != null ? more : before != null;
        boolean older = after != null || more;
        Map<String, String> query = new LinkedHashMap<>();
        if (!who.isEmpty()) query.put("who", who);
        if (!kind.isEmpty()) query.put("kind", kind);
        if (from != null) query.put("from", from.toString());
        if (to != null) query.put("to", to.toString());
        String newerHref =
                newer && !lines.isEmpty() ? "/admin/audit?" + Query.string(query, "after", cursor(lines.get(0))) : null;
        String olderHref = older && !lines.isEmpty()
                ? "/admin/audit?" + Query.string(query, "before", cursor(lines.get(lines.size() - 1)))
                : null;
        List<AuditPage.Choice> people = new ArrayList<>();
        accounts.all()
                .forEach(u -> people.add(new AuditPage.Choice(u.email(), u.displayName() + " (" + u.email() + ")")));
        people.add(new AuditPage.Choice("system", msg.get("newsroom.audit.system")));
        people.add(new AuditPage.Choice("terminal", msg.get("newsroom.audit.terminal")));
        AuditPage page = new AuditPage(
                layout,
                new AuditPage.Filter(who, kind, from == null ? "" : from.toString(), to == null ? "" : to.toString()),
                people,
                List.copyOf(KINDS.keySet()),
                sentences.word(lines, msg, n.clock().instant()),
                newerHref,
                olderHref,
                zone.getId());
        ctx.contentType(PageRenderer.HTML).result(n.renderer().render("newsroom/audit.jte", page));
    }

    /** Words the last change made to an article (for a conflict page), or null if the log has none. */
    String lastChange(Context ctx, long articleId) {
        return n.audit()
                .last("article:" + articleId)
                .map(e -> sentences.sentence(
                        e, n.layouts().messages(ctx), n.clock().instant()))
                .orElse(null);
    }

    private static String cursor(AuditEntry e) {
        return e.at().toEpochMilli() + "-" + e.id();
    }

    private static AuditLog.Position position(String cursor) {
        if (cursor == null || !cursor.matches("\\d{1,15}-\\d{1,18}")) return null;
        String[] parts = cursor.split("-");
        return new AuditLog.Position(Instant.ofEpochMilli(Long.parseLong(parts[0])), Long.parseLong(parts[1]));
    }

    private static LocalDate date(Context ctx, String name) {
        String value = param(ctx, name);
        if (value.isEmpty()) return null;
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw org.wargeys.platform.ValidationException.of(
                    name, "newsroom.error.date_unreadable", Map.of("value", value));
        }
    }

    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value.strip();
    }
}
