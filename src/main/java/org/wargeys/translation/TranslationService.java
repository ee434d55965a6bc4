package org.wargeys.translation;

import java.util.Comparator;
import java.util.List;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleDraft;
import org.wargeys.article.ArticleEdit;
import org.wargeys.article.ArticleService;
import org.wargeys.platform.Actor;
import org.wargeys.platform.Site;

/**
 * Translations: the articles of one translation group seen from one of them, and the making of a
 * new translation. Each language is published on its own. Thread-safe.
 */
public final class TranslationService {

    private final ArticleService articles;
    private final Site site;

    TranslationService(ArticleService articles, Site site) {
        this.articles = articles;
        this.site = site;
    }

    /**
     * The published articles of the article's translation group, itself included if published, in the
     * site's language order.
     */
    public List<Article> publishedGroup(Article article) {
        return articles.translationGroup(article.translationGroupId()).stream()
                .filter(Article::isPublished)
                .filter(a -> site.publishesIn(a.language()))
                .sorted(Comparator.comparingInt(a ->
                        site.languages().indexOf(site.language(a.language()).orElseThrow())))
                .toList();
    }

    /** The other published translations of an article: what the translation notice links. */
    public List<Article> publishedTranslations(Article article) {
        return publishedGroup(article).stream()
                .filter(a -> a.id() != article.id())
                .toList();
    }

    /** Starts a translation into a language: a draft in the same group, pre-filled from the source. */
    Article startTranslation(Article source, String language, Actor actor) {
        var details = articles.details(source);
        ArticleDraft draft = new ArticleDraft(
                language,
                null,
                source.headline(),
                source.dateline(),
                source.standfirst(),
                source.bodyFormat(),
                source.body(),
                details.section().map(s -> s.key()).orElse(null),
                details.tags().stream().map(t -> t.key()).toList(),
                details.authors().stream().map(a -> a.key()).toList());
        return articles.createTranslation(source.translationGroupId(), ArticleEdit.of(draft), actor);
    }
}
