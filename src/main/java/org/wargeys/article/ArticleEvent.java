package org.wargeys.article;

import org.wargeys.platform.SharedEvent;

/**
 * Something readers can see changed about one article: it went live, was saved again while live,
 * went down, or gained a correction. The search index and the page cache subscribe to this type once;
 * every node of the site hears it. Announced after the change commits.
 */
public sealed interface ArticleEvent extends SharedEvent
        permits ArticlePublished, ArticleUpdated, ArticleUnpublished, CorrectionAdded {

    long articleId();

    long translationGroupId();

    String language();
}
