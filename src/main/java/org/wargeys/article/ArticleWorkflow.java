package org.wargeys.article;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.platform.ConflictException;
import org.wargeys.platform.ValidationException;

/**
 * Moves articles through draft → in review → scheduled → published → unpublished. Each article moves
 * on its own: a step on one translation never touches another. Every status change is a conditional
 * UPDATE on the status the step starts from, so two people (or two nodes) cannot both take it.
 * Who may take which step is the newsroom's business, not this class's. Thread-safe.
 */
public final class ArticleWorkflow {

    private final Jdbi jdbi;
    private final ArticleService articles;
    private final Clock clock;

    public ArticleWorkflow(Jdbi jdbi, ArticleService articles, Clock clock) {
        this.jdbi = jdbi;
        this.articles = articles;
        this.clock = clock;
    }

    /**
     * Takes a step. {@code at} is the publication time for {@link WorkflowStep#SCHEDULE} (in the future)
     * and ignored otherwise.
     */
    public Article take(long id, WorkflowStep step, Instant at) {
        Article article = articles.find(id);
        if (!step.allowedFrom(article.status())) {
            throw ValidationException.of(
                    "step",
                    "An article that is " + article.status().code().replace('_', ' ') + " cannot take the step '"
                            + step.code() + "'.");
        }
        return switch (step) {
            case PUBLISH -> {
                move(article, ArticleStatus.PUBLISHED, article.scheduledAt());
                yield articles.publish(id);
            }
            case UNPUBLISH -> articles.unpublish(id);
            case SCHEDULE -> {
                if (at == null || !at.isAfter(clock.instant())) {
                    throw ValidationException.of("scheduled_at", "A scheduled time must be in the future.");
                }
                move(article, ArticleStatus.SCHEDULED, at);
                yield articles.find(id);
            }
            case SUBMIT, RETURN_TO_DRAFT -> {
                move(article, step.to(), null);
                yield articles.find(id);
            }
        };
    }

    private void move(Article article, ArticleStatus to, Instant scheduledAt) {
        int changed = jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE articles SET status = :to, scheduled_at = :at WHERE id = :id AND status = :from")
                .bind("to", to.code())
                .bind("at", scheduledAt == null ? null : scheduledAt.toEpochMilli())
                .bind("from", article.status().code())
                .bind("id", article.id())
                .execute());
        if (changed != 1) {
            throw new ConflictException(
                    "Article " + article.id() + " changed status while you were working; reload it.");
        }
    }

    /**
     * Publishes every scheduled article whose time has come. Each is claimed with a conditional UPDATE,
     * so across restarts and nodes each goes live (and is announced) exactly once.
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
        List<Article> published = new java.util.ArrayList<>();
        for (long id : due) {
            int claimed = jdbi.withHandle(
                    h -> h.createUpdate("""
                            UPDATE articles SET status = 'published', published_at = COALESCE(published_at, scheduled_at)
                            WHERE id = :id AND status = 'scheduled' AND scheduled_at <= :now""").bind("id", id).bind("now", now).execute());
            if (claimed == 1) published.add(articles.publish(id));
        }
        return published;
    }
}
