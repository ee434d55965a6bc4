package org.wargeys.article;

/** A live article gained a correction note (and with it a new modified date). */
public record CorrectionAdded(long articleId, long translationGroupId, String language, long correctionId)
        implements ArticleEvent {}
