package org.wargeys.newsroom;

import org.wargeys.article.Article;

/**
 * Renders an unsaved article exactly as readers would see it, with the public article template.
 * Implemented by the public pages (which the newsroom must not depend on) and handed in by Wiring.
 */
@FunctionalInterface
public interface ArticlePreview {
    /**
     * @param draftMark what the page says on top while the article is not live ("Draft — not
     *     published"), in the staff member's language ({@code markLanguage}); null for a live article
     */
    String render(Article article, String draftMark, String markLanguage);
}
