package org.wargeys.pages;

import java.util.LinkedHashSet;
import java.util.Set;
import org.wargeys.article.ArticlePublished;
import org.wargeys.article.ArticleService;
import org.wargeys.article.ArticleUnpublished;
import org.wargeys.web.PageCache;

/**
 * Purges the pages an article change touches, before the publishing call returns: the article
 * itself and every page that shows it, the translation notices of its group, the newest-articles
 * lists of its language, and its section, tag and author pages.
 */
public final class PageCachePurger {

    private final PageCache cache;
    private final ArticleService articles;

    public PageCachePurger(PageCache cache, ArticleService articles) {
        this.cache = cache;
        this.articles = articles;
    }

    public void onPublished(ArticlePublished event) {
        cache.purge(keys(event.articleId(), event.translationGroupId(), event.language()));
    }

    public void onUnpublished(ArticleUnpublished event) {
        cache.purge(keys(event.articleId(), event.translationGroupId(), event.language()));
    }

    private Set<String> keys(long articleId, long groupId, String language) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(PageKeys.article(articleId));
        keys.add(PageKeys.group(groupId));
        keys.add(PageKeys.latest(language));
        var details = articles.details(articles.find(articleId));
        details.section().ifPresent(s -> keys.add(PageKeys.section(s.id())));
        details.tags().forEach(t -> keys.add(PageKeys.tag(t.id())));
        details.authors().forEach(a -> keys.add(PageKeys.author(a.id())));
        return keys;
    }
}
