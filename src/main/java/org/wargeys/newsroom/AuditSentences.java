package org.wargeys.newsroom;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wargeys.account.AccountService;
import org.wargeys.account.Role;
import org.wargeys.account.User;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleService;
import org.wargeys.platform.AuditEntry;
import org.wargeys.platform.NotFoundException;
import org.wargeys.web.Messages;

/**
 * Words audit log lines as sentences in the staff member's language — "Edna published ‘Wells run
 * dry’ · 10:02" — from the line's action code ({@code newsroom.audit.line.<action>} in the bundles),
 * who did it (their name, not their email), what it was done to (an article's headline, linked) and
 * the detail worth saying (a scheduled time in the site's zone, a role, a revision). Thread-safe.
 */
public final class AuditSentences {

    /**
     * One worded line: the sentence around its one link ({@code before} + link + {@code after}; no link
     * when {@code linkText} is null), and when it happened.
     */
    public record Line(
            long id,
            String action,
            String before,
            String linkText,
            String linkHref,
            String after,
            String time,
            String address) {

        /** The sentence as plain text. */
        public String text() {
            return before + (linkText == null ? "" : linkText) + after;
        }
    }

    static final String KEY = "newsroom.audit.line.";

    private final ArticleService articles;
    private final AccountService accounts;
    private final ZoneId zone;

    AuditSentences(ArticleService articles, AccountService accounts, ZoneId zone) {
        this.articles = articles;
        this.accounts = accounts;
        this.zone = zone;
    }

    /** Words a page of lines; names and headlines are looked up once per page. */
    List<Line> word(List<AuditEntry> entries, Messages msg, Instant now) {
        Lookups lookups = new Lookups();
        return entries.stream().map(e -> word(e, msg, now, lookups)).toList();
    }

    /** One line as a sentence ending in its time: what a conflict page says changed. */
    String sentence(AuditEntry entry, Messages msg, Instant now) {
        Line line = word(entry, msg, now, new Lookups());
        return msg.format("newsroom.audit.sentence_at", Map.of("sentence", line.text(), "time", line.time()));
    }

    private final class Lookups {
        final Map<String, String> names = new HashMap<>();
        final Map<Long, Optional<Article>> articles = new HashMap<>();
    }

    private Line word(AuditEntry e, Messages msg, Instant now, Lookups lookups) {
        String action = e.action();
        String key = KEY + action;
        if (action.equals("login.failed") && "disabled".equals(e.detail())) key = KEY + "login.failed_disabled";
        if (msg.get(key).startsWith("[")) key = KEY + "other";
        Map<String, String> values = new HashMap<>();
        values.put("actor", actor(e.actor(), msg, lookups));
        values.put("action", action);
        values.put("detail", detail(e, msg));
        values.put("revision", restoredAs(e.detail()));
        String linkText = null;
        String linkHref = null;
        String target = e.target() == null ? "" : e.target();
        if (target.startsWith("article:") && target.substring(8).matches("\\d{1,18}")) {
            long id = Long.parseLong(target.substring(8));
            Optional<Article> article = lookups.articles.computeIfAbsent(id, this::article);
            linkText = article.map(Article::headline)
                    .orElseGet(() -> msg.format("newsroom.audit.article_gone", Map.of("id", id)));
            linkHref = article.isPresent() ? "/admin/articles/" + id : null;
        } else if (target.startsWith("media:")) {
            linkText = msg.format("newsroom.audit.image", Map.of("id", target.substring(6)));
            linkHref = "/admin/media";
        } else if (target.contains("@")) {
            linkText = name(target, lookups);
        } else if (!target.isEmpty() && !target.equals("site")) {
            linkText = target;
        }
        String text = msg.format(key, values);
        int at = text.indexOf("{target}");
        String before = at < 0 ? text : text.substring(0, at);
        String after = at < 0 ? "" : text.substring(at + "{target}".length());
        if (at < 0) linkText = null;
        if (linkText == null) linkHref = null;
        return new Line(e.id(), action, before, linkText, linkHref, after, time(e.at(), msg, now), e.address());
    }

    private Optional<Article> article(long id) {
        try {
            return Optional.of(articles.find(id));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    private String actor(String actor, Messages msg, Lookups lookups) {
        if (actor.equals("system")) return msg.get("newsroom.audit.system");
        if (actor.equals("terminal")) return msg.get("newsroom.audit.terminal");
        return name(actor, lookups);
    }

    private String name(String email, Lookups lookups) {
        return lookups.names.computeIfAbsent(
                email, e -> accounts.findByEmail(e).map(User::displayName).orElse(e));
    }

    /** The detail a sentence names, prepared from the stored line (times in the site's zone, roles worded). */
    private String detail(AuditEntry e, Messages msg) {
        String detail = e.detail() == null ? "" : e.detail();
        return switch (e.action()) {
            case "article.schedule" -> {
                try {
                    Instant at = Instant.parse(detail.replaceFirst("^at ", ""));
                    yield Times.dateAndTime(at, msg, zone, "HH:mm zzz");
                } catch (DateTimeParseException ex) {
                    yield detail;
                }
            }
            case "article.save" -> detail.replaceFirst("^revision ", "");
            case "article.restore" -> detail.replaceFirst("^revision (\\d+).*", "$1");
            case "user.create", "user.role" -> role(detail, msg);
            case "logout.everywhere" -> detail.replaceFirst(" sessions?$", "");
            case "settings.feeds" ->
                msg.get("full".equals(detail) ? "newsroom.audit.feeds_full" : "newsroom.audit.feeds_summary");
            default -> detail;
        };
    }

    /** "editor → translator [so]" or "translator [so]": the (new) role worded, with its languages by name. */
    private static String role(String detail, Messages msg) {
        String last = detail.contains("→")
                ? detail.substring(detail.lastIndexOf('→') + 1).strip()
                : detail.strip();
        String code = last.split(" ")[0];
        String role;
        try {
            role = msg.get("newsroom.role." + Role.of(code).code());
        } catch (IllegalArgumentException unknown) {
            return detail;
        }
        int open = last.indexOf('[');
        if (open < 0) return role;
        List<String> languages =
                List.of(last.substring(open + 1, last.indexOf(']', open)).split(",\\s*"));
        return msg.format(
                "newsroom.audit.role_with_languages",
                Map.of(
                        "role",
                        role,
                        "languages",
                        String.join(
                                ", ", languages.stream().map(msg::languageName).toList())));
    }

    private static String restoredAs(String detail) {
        if (detail == null) return "";
        var m = java.util.regex.Pattern.compile("saved as (\\d+)").matcher(detail);
        return m.find() ? m.group(1) : "";
    }

    private String time(Instant at, Messages msg, Instant now) {
        return Times.brief(at, msg, zone, now);
    }
}
