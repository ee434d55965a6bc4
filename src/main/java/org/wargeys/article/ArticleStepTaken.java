package org.wargeys.article;

/**
 * A workflow step was taken on an article: submitted, returned to draft, scheduled, published or taken
 * down (by a staff member, or by the program for a scheduled publication: {@code actorId} null).
 * Announced on the step's transaction; the desk hears it there to notify the people concerned. Only
 * this node hears it: what other nodes must know travels as an {@link ArticleEvent}.
 */
public record ArticleStepTaken(
        long articleId, long translationGroupId, String language, WorkflowStep step, Long actorId) {

    static ArticleStepTaken of(Article a, WorkflowStep step, Long actorId) {
        return new ArticleStepTaken(a.id(), a.translationGroupId(), a.language(), step, actorId);
    }
}
