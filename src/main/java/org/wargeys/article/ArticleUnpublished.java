package org.wargeys.article;

/** A live article was taken down: it must vanish from pages, caches and indexes. */
public record ArticleUnpublished(long articleId, long translationGroupId, String language) {}
