package org.wargeys.desk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.account.AccountService;
import org.wargeys.account.User;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleOrigins;
import org.wargeys.article.ArticleService;
import org.wargeys.article.ArticleStepTaken;
import org.wargeys.article.Permissions;
import org.wargeys.article.WorkflowStep;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditLog;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.Site;
import org.wargeys.platform.Transactions;
import org.wargeys.platform.Tx;
import org.wargeys.platform.ValidationException;

/**
 * Who is on what: an editor gives someone an article, or its translation into a language, with a due
 * time. The assignee is notified; the assignment is done when the work is handed in (the article or
 * the translation is submitted or published) or marked done. Only someone who may do the work can be
 * given it: the article's own author or an editor for an article, a translator of the language (or an
 * editor) for a translation. Thread-safe.
 */
public final class Assignments {

    private static final String COLUMNS =
            "id, article_id, language, assignee_id, assigned_by, due_at, created_at, done_at";

    private final Jdbi jdbi;
    private final Transactions transactions;
    private final Notifications notifications;
    private final AuditLog audit;
    private final AccountService accounts;
    private final ArticleService articles;
    private final ArticleOrigins origins;
    private final Site site;
    private final Clock clock;

    Assignments(
            Jdbi jdbi,
            Transactions transactions,
            Notifications notifications,
            AuditLog audit,
            AccountService accounts,
            ArticleService articles,
            ArticleOrigins origins,
            Site site,
            Clock clock) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.notifications = notifications;
        this.audit = audit;
        this.accounts = accounts;
        this.articles = articles;
        this.origins = origins;
        this.site = site;
        this.clock = clock;
    }

    /**
     * Assigns each article (or, with a language, its translation into that language) to someone, due at
     * a time (null: no time), in one transaction with an audit line per article; the assignee is told.
     */
    public List<Assignment> assign(List<Long> articleIds, String language, long assigneeId, Instant due, Actor actor) {
        if (articleIds.isEmpty()) throw ValidationException.of("articles", "article.error.bulk_none");
        User assignee = accounts.find(assigneeId)
                .filter(User::active)
                .orElseThrow(() -> ValidationException.of("assignee", "desk.error.assignee_unknown"));
        if (due != null && !due.isAfter(clock.instant())) {
            throw ValidationException.of("due", "desk.error.due_in_past");
        }
        if (language != null && !site.publishesIn(language)) {
            throw ValidationException.of("language", "article.error.language_unknown", Map.of("language", language));
        }
        List<Article> chosen =
                articleIds.stream().distinct().map(articles::find).toList();
        for (Article a : chosen) {
            String into = language == null || language.equals(a.language()) ? null : language;
            boolean may = into == null
                    ? Permissions.mayEdit(assignee, a, origins.find(a.id()))
                    : Permissions.mayTranslateInto(assignee, into);
            if (!may) {
                throw ValidationException.of(
                        "assignee",
                        into == null ? "desk.error.assignee_may_not_edit" : "desk.error.assignee_may_not_translate",
                        Map.of(
                                "name",
                                assignee.displayName(),
                                "headline",
                                a.headline(),
                                "language",
                                String.valueOf(into)));
            }
        }
        long now = clock.instant().toEpochMilli();
        return transactions.write(tx -> {
            List<Assignment> made = new ArrayList<>();
            for (Article a : chosen) {
                String into = language == null || language.equals(a.language()) ? null : language;
                long id = tx.handle()
                        .createQuery("""
                                INSERT INTO assignments (article_id, language, assignee_id, assigned_by, due_at, created_at)
                                VALUES (:article, :language, :assignee, :by, :due, :now) RETURNING id""")
                        .bind("article", a.id())
                        .bind("language", into)
                        .bind("assignee", assigneeId)
                        .bind("by", actor.userId())
                        .bind("due", due == null ? null : due.toEpochMilli())
                        .bind("now", now)
                        .mapTo(Long.class)
                        .one();
                audit.record(
                        tx,
                        actor,
                        "assignment.create",
                        "article:" + a.id(),
                        assignee.email() + (into == null ? "" : " " + into));
                notifications.notify(tx, List.of(assigneeId), NotificationKind.ASSIGNED, a.id(), actor.userId(), into);
                made.add(find(tx.handle(), id).orElseThrow());
            }
            return made;
        });
    }

    /** Marks an open assignment done (the assignee or an editor says so). */
    public Assignment done(long id, Actor actor) {
        return transactions.write(tx -> {
            Assignment a = find(tx.handle(), id).orElseThrow(() -> new NotFoundException("No assignment " + id));
            if (!a.open()) return a;
            tx.handle()
                    .createUpdate("UPDATE assignments SET done_at = :now WHERE id = :id")
                    .bind("now", clock.instant().toEpochMilli())
                    .bind("id", id)
                    .execute();
            audit.record(tx, actor, "assignment.done", "article:" + a.articleId(), a.language());
            return find(tx.handle(), id).orElseThrow();
        });
    }

    public Optional<Assignment> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    /** A staff member's open assignments, soonest due first (those without a time last). */
    public List<Assignment> openFor(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM assignments WHERE assignee_id = :u AND done_at IS NULL"
                        + " ORDER BY CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, id LIMIT 100")
                .bind("u", userId)
                .map((rs, ctx) -> map(rs))
                .list());
    }

    /** Everyone's open assignments (the editors' view), soonest due first. */
    public List<Assignment> open(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM assignments WHERE done_at IS NULL"
                        + " ORDER BY CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> map(rs))
                .list());
    }

    /** An article's assignments (and those of its translations into other languages), open ones first. */
    public List<Assignment> of(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM assignments WHERE article_id = :a"
                        + " ORDER BY CASE WHEN done_at IS NULL THEN 0 ELSE 1 END, id DESC")
                .bind("a", articleId)
                .map((rs, ctx) -> map(rs))
                .list());
    }

    /** Who is on an article now: the assignees of its open assignments (the article itself). */
    List<Long> assignees(Tx tx, long articleId) {
        return tx.handle()
                .createQuery("SELECT assignee_id FROM assignments WHERE article_id = :a AND language IS NULL"
                        + " AND done_at IS NULL")
                .bind("a", articleId)
                .mapTo(Long.class)
                .list();
    }

    /** The assignees of open translations of a group's articles into a language. */
    List<Long> translators(Tx tx, long groupId, String language) {
        return tx.handle()
                .createQuery("SELECT s.assignee_id FROM assignments s JOIN articles a ON a.id = s.article_id"
                        + " WHERE a.translation_group_id = :g AND s.language = :l AND s.done_at IS NULL")
                .bind("g", groupId)
                .bind("l", language)
                .mapTo(Long.class)
                .list();
    }

    /**
     * Work handed in (submitted or published) closes its assignments on the step's transaction: the
     * article's own, and the translations into its language of the articles of its group.
     */
    void handedIn(Tx tx, ArticleStepTaken step) {
        if (step.step() != WorkflowStep.SUBMIT && step.step() != WorkflowStep.PUBLISH) return;
        long now = clock.instant().toEpochMilli();
        tx.handle()
                .createUpdate("UPDATE assignments SET done_at = :now WHERE done_at IS NULL AND ((article_id = :a AND"
                        + " language IS NULL) OR (language = :l AND article_id IN"
                        + " (SELECT id FROM articles WHERE translation_group_id = :g)))")
                .bind("now", now)
                .bind("a", step.articleId())
                .bind("l", step.language())
                .bind("g", step.translationGroupId())
                .execute();
    }

    private static Optional<Assignment> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM assignments WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> map(rs))
                .findOne();
    }

    private static Assignment map(ResultSet rs) throws SQLException {
        return new Assignment(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getLong(4),
                nullableLong(rs, 5),
                instant(rs, 6),
                Instant.ofEpochMilli(rs.getLong(7)),
                instant(rs, 8));
    }

    static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
