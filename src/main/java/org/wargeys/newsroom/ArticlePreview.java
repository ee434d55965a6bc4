package org.wargeys.newsroom;

import org.wargeys.article.Article;

/**
 * Renders an unsaved article exactly as readers would see it, with the public article template.
 * Implemented by the public pages (which the newsroom must not depend on) and handed in by Wiring.
 */
@FunctionalInterface
public interface ArticlePreview {
    String render(Article article);
}
