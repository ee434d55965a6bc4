package org.wargeys.article;

/**
 * An article's content was saved as a new revision, whatever its status. Announced on the save's
 * transaction; the desk hears it there to tell translators when their translation just fell behind its
 * source. Only this node hears it: readers' pages follow {@link ArticleUpdated}.
 */
public record ArticleSaved(long articleId, long translationGroupId, String language, int revision, Long actorId) {}
