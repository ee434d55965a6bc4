package org.wargeys.article;

/** An article went live (or was saved again while live): readers, caches and indexes must see it. */
public record ArticlePublished(long articleId, long translationGroupId, String language) {}
