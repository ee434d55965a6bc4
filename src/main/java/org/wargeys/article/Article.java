package org.wargeys.article;

import java.time.Instant;

/**
 * One article in one language, as stored: the translation group ties it to the articles that
 * translate it. {@code bodyHtml} is the sanitized rendering of {@code body}; {@code pinned} keeps it
 * at the top of its language's home page. Immutable.
 */
public record Article(
        long id,
        long translationGroupId,
        String language,
        String slug,
        String headline,
        Dateline dateline,
        String standfirst,
        BodyFormat bodyFormat,
        String body,
        String bodyHtml,
        Long sectionId,
        ArticleStatus status,
        String seoTitle,
        String seoDescription,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        Instant scheduledAt,
        int revision,
        boolean pinned) {

    public boolean isPublished() {
        return status == ArticleStatus.PUBLISHED;
    }

    /** True when the article was saved again after it first went live. */
    public boolean wasUpdatedAfterPublishing() {
        return publishedAt != null && updatedAt.isAfter(publishedAt.plusSeconds(60));
    }
}
