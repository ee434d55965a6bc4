package org.wargeys.article;

/**
 * A live article was saved again: its text, headline, section, tags, bylines, search-engine fields,
 * featured image or place on the home page changed. One save is one event, whatever it changed.
 */
public record ArticleUpdated(long articleId, long translationGroupId, String language) implements ArticleEvent {

    static ArticleUpdated of(Article a) {
        return new ArticleUpdated(a.id(), a.translationGroupId(), a.language());
    }
}
