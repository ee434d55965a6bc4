package org.wargeys.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditLog;
import org.wargeys.platform.Transactions;
import org.wargeys.platform.Tx;
import org.wargeys.platform.ValidationException;

/**
 * The list's bulk actions on several articles at once: publish, take down, move to a section, add a
 * tag. Each call is one transaction for all the articles chosen, with an audit line per article and the
 * announcements a single action would make; an article the action does not apply to (already live, not
 * live) is skipped and counted, never an error. Who may is the newsroom's business (editors). Thread-safe.
 */
public final class ArticleBulk {

    /** The most articles one bulk action takes (one page of the list, with room). */
    public static final int MAX = 200;

    /** What a bulk action did: the articles it changed and those it left as they were. */
    public record Result(List<Long> done, List<Long> skipped) {}

    private final Transactions transactions;
    private final ArticleService articles;
    private final ArticleJournal journal;
    private final AuditLog audit;

    ArticleBulk(Transactions transactions, ArticleService articles, ArticleJournal journal, AuditLog audit) {
        this.transactions = transactions;
        this.articles = articles;
        this.journal = journal;
        this.audit = audit;
    }

    /** Puts live every chosen article that may go live from where it stands. */
    public Result publish(List<Long> ids, Actor actor) {
        return each(ids, (tx, a) -> {
            if (!WorkflowStep.PUBLISH.allowedFrom(a.status())) return false;
            Article live = articles.goLive(tx, a, actor, "article.publish", null);
            tx.announce(ArticleStepTaken.of(live, WorkflowStep.PUBLISH, actor.userId()));
            return true;
        });
    }

    /** Takes down every chosen article that is live. */
    public Result unpublish(List<Long> ids, Actor actor) {
        return each(ids, (tx, a) -> {
            if (!a.isPublished()) return false;
            Article down = articles.takeDown(tx, a, actor);
            tx.announce(ArticleStepTaken.of(down, WorkflowStep.UNPUBLISH, actor.userId()));
            return true;
        });
    }

    /** Moves the chosen articles to a section; those already in it are skipped. */
    public Result moveToSection(List<Long> ids, String sectionKey, Actor actor) {
        return transactions.write(tx -> {
            long section = termId(tx.handle(), "sections", sectionKey, "section", "article.error.section_unknown");
            return each(tx, ids, (t, a) -> {
                if (a.sectionId() != null && a.sectionId() == section) return false;
                t.handle()
                        .createUpdate("UPDATE articles SET section_id = :s WHERE id = :id")
                        .bind("s", section)
                        .bind("id", a.id())
                        .execute();
                audit.record(t, actor, "article.move", ArticleService.target(a), sectionKey);
                if (a.isPublished()) journal.announce(t, ArticleUpdated.of(a));
                return true;
            });
        });
    }

    /** Adds a tag (at the end of their tags) to the chosen articles; those that have it are skipped. */
    public Result addTag(List<Long> ids, String tagKey, Actor actor) {
        return transactions.write(tx -> {
            long tag = termId(tx.handle(), "tags", tagKey, "tag", "article.error.tag_unknown");
            return each(tx, ids, (t, a) -> {
                Handle h = t.handle();
                boolean has = h.createQuery("SELECT COUNT(*) FROM article_tags WHERE article_id = :a AND tag_id = :t")
                                .bind("a", a.id())
                                .bind("t", tag)
                                .mapTo(Integer.class)
                                .one()
                        > 0;
                if (has) return false;
                int position = h.createQuery(
                                "SELECT COALESCE(MAX(position) + 1, 0) FROM article_tags WHERE article_id = :a")
                        .bind("a", a.id())
                        .mapTo(Integer.class)
                        .one();
                h.createUpdate("INSERT INTO article_tags (article_id, tag_id, position) VALUES (:a, :t, :p)")
                        .bind("a", a.id())
                        .bind("t", tag)
                        .bind("p", position)
                        .execute();
                audit.record(t, actor, "article.tag", ArticleService.target(a), tagKey);
                if (a.isPublished()) journal.announce(t, ArticleUpdated.of(a));
                return true;
            });
        });
    }

    private interface Change {
        /** Applies the change to one article on the transaction; false if it does not apply (skipped). */
        boolean apply(Tx tx, Article article);
    }

    private Result each(List<Long> ids, Change change) {
        return transactions.write(tx -> each(tx, ids, change));
    }

    private Result each(Tx tx, List<Long> ids, Change change) {
        if (ids.isEmpty()) throw ValidationException.of("articles", "article.error.bulk_none");
        if (ids.size() > MAX)
            throw ValidationException.of("articles", "article.error.bulk_too_many", Map.of("max", MAX));
        List<Long> done = new ArrayList<>();
        List<Long> skipped = new ArrayList<>();
        for (long id : ids.stream().distinct().toList()) {
            Article article = articles.find(tx.handle(), id);
            (change.apply(tx, article) ? done : skipped).add(id);
        }
        return new Result(List.copyOf(done), List.copyOf(skipped));
    }

    // The table name is one of two constants, never input.
    private static long termId(Handle h, String table, String key, String field, String error) {
        return h.createQuery("SELECT id FROM " + table + " WHERE key = :key")
                .bind("key", key == null ? "" : key)
                .mapTo(Long.class)
                .findOne()
                .orElseThrow(() -> ValidationException.of(field, error, Map.of(field, String.valueOf(key))));
    }
}
