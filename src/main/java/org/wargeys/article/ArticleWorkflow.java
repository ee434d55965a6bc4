package org.wargeys.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditLog;
import org.wargeys.platform.Transactions;
import org.wargeys.platform.ValidationException;

/**
 * Moves articles through draft → in review → scheduled → published → unpublished. Each article moves
 * on its own: a step on one translation never touches another. Every step is one transaction with its
 * audit line, and a conditional UPDATE on the status it starts from, so two people (or two nodes)
 * cannot both take it. Who may take which step is the newsroom's business, not this class's.
 * Thread-safe.
 */
public final class ArticleWorkflow {

    private final Jdbi jdbi;
    private final Transactions transactions;
    private final ArticleService articles;
    private final AuditLog audit;
    private final Clock clock;

    ArticleWorkflow(Jdbi jdbi, Transactions transactions, ArticleService articles, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.articles = articles;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Takes a step. {@code at} is the publication time for {@link WorkflowStep#SCHEDULE} (in the future)
     * and ignored otherwise.
     */
    public Article take(long id, WorkflowStep step, Instant at, Actor actor) {
        if (step == WorkflowStep.SCHEDULE && (at == null || !at.isAfter(clock.instant()))) {
            throw ValidationException.of("at", "article.error.schedule_in_past");
        }
        return transactions.write(tx -> {
            Article article = articles.find(tx.handle(), id);
            if (!step.allowedFrom(article.status())) {
                throw ValidationException.of(
                        "step",
                        "article.error.step_not_allowed",
                        Map.of("status", article.status().code(), "step", step.code()));
            }
            if (step == WorkflowStep.SUBMIT || step == WorkflowStep.SCHEDULE || step == WorkflowStep.PUBLISH) {
                articles.checkReady(tx.handle(), article, step != WorkflowStep.SUBMIT);
            }
            Article taken = switch (step) {
                case PUBLISH -> articles.goLive(tx, article, actor, "article.publish", null);
                case UNPUBLISH -> articles.takeDown(tx, article, actor);
                case SCHEDULE -> {
                    Article moved = articles.move(tx, article, ArticleStatus.SCHEDULED, at);
                    audit.record(tx, actor, "article.schedule", ArticleService.target(moved), "at " + at);
                    yield moved;
                }
                case SUBMIT, RETURN_TO_DRAFT -> {
                    Article moved = articles.move(tx, article, step.to(), null);
                    audit.record(tx, actor, "article." + step.code(), ArticleService.target(moved), moved.headline());
                    yield moved;
                }
            };
            tx.announce(ArticleStepTaken.of(taken, step, actor.userId()));
            return taken;
        });
    }

    /**
     * Publishes every scheduled article whose time has come, each in its own transaction. Each is claimed
     * with a conditional UPDATE, so across restarts and nodes each goes live (and is announced) exactly
     * once.
     *
     * @return the articles this call published
     */
    public List<Article> publishDue() {
        long now = clock.instant().toEpochMilli();
        List<Long> due = jdbi.withHandle(h -> h.createQuery(
                        "SELECT id FROM articles WHERE status = 'scheduled' AND scheduled_at <= :now ORDER BY scheduled_at, id")
                .bind("now", now)
                .mapTo(Long.class)
                .list());
        List<Article> published = new ArrayList<>();
        for (long id : due) {
            try {
                Article live = transactions.write(tx -> {
                    Article article = articles.find(tx.handle(), id);
                    if (article.status() != ArticleStatus.SCHEDULED
                            || article.scheduledAt() == null
                            || article.scheduledAt().toEpochMilli() > now) {
                        return null; // an editor changed it meanwhile
                    }
                    // A first publication is dated when it was scheduled for, not when this run noticed.
                    Article wentLive =
                            articles.goLive(tx, article, Actor.SYSTEM, "article.publish", article.scheduledAt());
                    tx.announce(ArticleStepTaken.of(wentLive, WorkflowStep.PUBLISH, null));
                    return wentLive;
                });
                if (live != null) published.add(live);
            } catch (ConcurrentStatusChange taken) {
                // Another node published it first: it is live, and announced once, by that node.
            }
        }
        return published;
    }
}
