package org.wargeys.pages;

import java.time.Instant;
import java.util.List;
import org.wargeys.sharing.ShareBar;
import org.wargeys.web.Layout;

/**
 * The model of {@code pages/article.jte}: one published article, ready to print.
 *
 * @param bodyHtml the sanitized body with the dateline set at the start of its first paragraph
 * @param updatedAt null unless the article changed after it was published
 * @param translations the other published translations, named in the page's language
 * @param shareBar the share controls
 */
public record ArticlePage(
        Layout layout,
        String headline,
        String standfirst,
        String section,
        List<String> authors,
        Instant publishedAt,
        String publishedText,
        Instant updatedAt,
        String updatedText,
        String bodyHtml,
        List<String> tags,
        List<TranslationLink> translations,
        ShareBar shareBar) {

    public ArticlePage {
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
        translations = List.copyOf(translations);
    }

    /** A link to a translation: its language code, the language's name in the page's language, its path. */
    public record TranslationLink(String language, String name, String path) {}
}
