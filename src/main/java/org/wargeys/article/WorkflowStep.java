package org.wargeys.article;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A step of the newsroom workflow and the statuses it may be taken from. */
public enum WorkflowStep {
    SUBMIT(EnumSet.of(ArticleStatus.DRAFT), ArticleStatus.IN_REVIEW),
    RETURN_TO_DRAFT(
            EnumSet.of(ArticleStatus.IN_REVIEW, ArticleStatus.SCHEDULED, ArticleStatus.UNPUBLISHED),
            ArticleStatus.DRAFT),
    SCHEDULE(
            EnumSet.of(ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW, ArticleStatus.UNPUBLISHED),
            ArticleStatus.SCHEDULED),
    PUBLISH(
            EnumSet.of(
                    ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW, ArticleStatus.SCHEDULED, ArticleStatus.UNPUBLISHED),
            ArticleStatus.PUBLISHED),
    UNPUBLISH(EnumSet.of(ArticleStatus.PUBLISHED), ArticleStatus.UNPUBLISHED);

    private final Set<ArticleStatus> from;
    private final ArticleStatus to;

    WorkflowStep(Set<ArticleStatus> from, ArticleStatus to) {
        this.from = from;
        this.to = to;
    }

    public boolean allowedFrom(ArticleStatus status) {
        return from.contains(status);
    }

    public ArticleStatus to() {
        return to;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException for an unknown code */
    public static WorkflowStep of(String code) {
        for (WorkflowStep step : values()) {
            if (step.code().equals(code)) return step;
        }
        throw new IllegalArgumentException("No workflow step '" + code + "'");
    }
}
