package org.wargeys.pages;

import java.util.LinkedHashSet;
import java.util.Set;
import org.wargeys.article.ArticleEvent;
import org.wargeys.article.ArticleService;
import org.wargeys.article.TaxonomyChanged;
import org.wargeys.media.ImageDescribed;
import org.wargeys.platform.Site;
import org.wargeys.web.PageCache;

/**
 * Purges the pages an article change touches, before the publishing call returns: the article
 * itself and every page that shows it, the translation notices of its group, the newest-articles
 * lists of its language, and its section, tag and author pages. Also a renamed section, tag or
 * author, a changed image description, new share totals and the feed setting.
 */
final class PageCachePurger {

    private final PageCache cache;
    private final ArticleService articles;
    private final Site site;

    PageCachePurger(PageCache cache, ArticleService articles, Site site) {
        this.cache = cache;
        this.articles = articles;
        this.site = site;
    }

    /**
     * The term's own pages and every article and archive page printing its name; and the newest-articles
     * lists of every language, because feeds name the section, tags and authors of each entry and home
     * pages the section of each teaser. Renames are rare: a re-render of each list is cheap.
     */
    void onTaxonomyChanged(TaxonomyChanged event) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(
                switch (event.kind()) {
                    case "section" -> PageKeys.section(event.id());
                    case "tag" -> PageKeys.tag(event.id());
                    default -> PageKeys.author(event.id());
                });
        keys.add(PageKeys.name(event.kind(), event.id()));
        site.languages().forEach(l -> keys.add(PageKeys.latest(l.code())));
        cache.purge(keys);
    }

    /** Feeds switched between whole articles and summaries: every language's feeds. */
    void onFeedSettingsChanged(org.wargeys.feed.FeedSettingsChanged event) {
        cache.purge(
                site.languages().stream().map(l -> PageKeys.latest(l.code())).toList());
    }

    /** Every article page names the site's X account: drop every page. */
    void onXAccountChanged(org.wargeys.sharing.XAccountChanged event) {
        cache.purge(Set.of(PageCache.EVERY_PAGE));
    }

    /** An import changes many pages, lists and names at once: drop everything, at the CDN too. */
    void onArticlesChanged(org.wargeys.article.ArticlesChanged event) {
        cache.purge(Set.of(PageCache.EVERY_PAGE));
    }

    /**
     * Articles changed without an event here (a terminal command, another node's lost notification):
     * their pages, or every page when there are many.
     */
    void onCaughtUp(org.wargeys.search.IndexCaughtUp event) {
        if (event.articleIds().size() > 200) {
            cache.purge(Set.of(PageCache.EVERY_PAGE));
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (long id : event.articleIds()) {
            try {
                var article = articles.find(id);
                keys.addAll(keys(id, article.translationGroupId(), article.language()));
            } catch (org.wargeys.platform.NotFoundException gone) {
                keys.add(PageKeys.article(id));
            }
        }
        cache.purge(keys);
    }

    void onShareTotalsChanged(org.wargeys.sharing.ShareTotalsChanged event) {
        cache.purge(event.articleIds().stream().map(PageKeys::shares).toList());
    }

    void onImageDescribed(ImageDescribed event) {
        cache.purge(Set.of(PageKeys.media(event.mediaId())));
    }

    /**
     * An article went live, changed, went down or gained a correction: every page that shows it, its
     * translations' notices, its language's newest lists and feeds, its section, tag and author pages.
     */
    void onArticle(ArticleEvent event) {
        cache.purge(keys(event.articleId(), event.translationGroupId(), event.language()));
    }

    /**
     * A live blog changed: its pages and poll answers in every language. When the coverage itself
     * started or ended, also the pages of the group's articles (an article page kept from before it
     * went live carries no live key yet) and the lists that show the article.
     */
    void onLive(org.wargeys.live.LiveBlogChanged event) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(PageKeys.live(event.translationGroupId()));
        if (event.coverageChanged()) {
            keys.add(PageKeys.group(event.translationGroupId()));
            keys.addAll(keys(event.articleId(), event.translationGroupId(), event.language()));
            // Every language's home page marks the article's version in it as live.
            site.languages().forEach(l -> keys.add(PageKeys.latest(l.code())));
        }
        cache.purge(keys);
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
