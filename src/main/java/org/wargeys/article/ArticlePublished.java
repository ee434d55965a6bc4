package org.wargeys.article;

/** An article went live (published now, at its scheduled time, or again after being taken down). */
public record ArticlePublished(long articleId, long translationGroupId, String language) implements ArticleEvent {

    static ArticlePublished of(Article a) {
        return new ArticlePublished(a.id(), a.translationGroupId(), a.language());
    }
}
