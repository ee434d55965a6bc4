package org.wargeys.article;

/** A live article was taken down: readers, feeds, search and caches must no longer show it. */
public record ArticleUnpublished(long articleId, long translationGroupId, String language) implements ArticleEvent {

    static ArticleUnpublished of(Article a) {
        return new ArticleUnpublished(a.id(), a.translationGroupId(), a.language());
    }
}
