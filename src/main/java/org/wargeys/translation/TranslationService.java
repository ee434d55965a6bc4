package org.wargeys.translation;

import java.util.Comparator;
import java.util.List;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleDraft;
import org.wargeys.article.ArticleEdit;
import org.wargeys.article.ArticleService;
import org.wargeys.article.BodyBlocks;
import org.wargeys.article.BodyFormat;
import org.wargeys.article.BodyRenderer;
import org.wargeys.platform.Actor;
import org.wargeys.platform.Site;

/**
 * Translations: the articles of one translation group seen from one of them, and the making of a
 * new translation. Each language is published on its own. Thread-safe.
 */
public final class TranslationService {

    private final ArticleService articles;
    private final BodyRenderer bodies;
    private final Site site;

    TranslationService(ArticleService articles, BodyRenderer bodies, Site site) {
        this.articles = articles;
        this.bodies = bodies;
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

    /**
     * Starts a translation into a language: a draft in the same group with the source's section, tags,
     * bylines, dateline and featured image, and an empty body laid out like the source's, block by block
     * (a paragraph for each paragraph, each image with the source's credit and no caption or alt text
     * yet): the translator writes each in the target language beside the source, never over a copy of
     * it. No headline yet: the slug is made from the translated headline when it is written.
     */
    Article startTranslation(Article source, String language, Actor actor) {
        var details = articles.details(source);
        List<BodyBlocks.Block> blocks = BodyBlocks.of(bodies.editable(source.bodyFormat(), source.body()));
        ArticleDraft draft = new ArticleDraft(
                language,
                null,
                "",
                source.dateline(),
                null,
                BodyFormat.HTML,
                Skeleton.of(blocks),
                details.section().map(s -> s.key()).orElse(null),
                details.tags().stream().map(t -> t.key()).toList(),
                details.authors().stream().map(a -> a.key()).toList());
        ArticleEdit edit = new ArticleEdit(
                draft,
                null,
                null,
                articles.featuredImageId(source.id()),
                null,
                null,
                null,
                blocks.stream().map(BodyBlocks.Block::html).toList());
        return articles.createTranslation(source.translationGroupId(), edit, actor);
    }
}
