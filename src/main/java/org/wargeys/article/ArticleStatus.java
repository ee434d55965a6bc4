package org.wargeys.article;

import java.util.Locale;

/** Where an article stands in the newsroom workflow; only {@link #PUBLISHED} is visible to readers. */
public enum ArticleStatus {
    DRAFT,
    IN_REVIEW,
    SCHEDULED,
    PUBLISHED,
    UNPUBLISHED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ArticleStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
