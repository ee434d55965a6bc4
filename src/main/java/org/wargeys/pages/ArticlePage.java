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
 * @param corrections the editors' correction notes, oldest first
 * @param figure the featured image, or null
 * @param live the live blog's entries (issue 17), or null for an article that was never live
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
        ShareBar shareBar,
        List<CorrectionNote> corrections,
        Figure figure,
        ArchiveLinks archiveLinks,
        List<RelatedLink> related,
        LiveSection live) {

    public ArticlePage {
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
        translations = List.copyOf(translations);
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
        related = List.copyOf(related);
    }

    /**
     * The featured image: renditions, alt text and caption in the page's language, credit.
     *
     * @param webpSrcset the WebP copies for a {@code <source type="image/webp">}, or null
     */
    public record Figure(
            String src,
            String srcset,
            String webpSrcset,
            int width,
            int height,
            String alt,
            String caption,
            String credit) {}

    /** A dated correction note, printed at the end of the article. */
    public record CorrectionNote(Instant at, String dateText, String note) {}

    /** Where the section, each author and each tag (same order as {@code authors}/{@code tags}) are archived. */
    public record ArchiveLinks(String section, List<String> authors, List<String> tags) {
        public ArchiveLinks {
            authors = List.copyOf(authors);
            tags = List.copyOf(tags);
        }
    }

    /** A related article in the same language. */
    public record RelatedLink(long articleId, String headline, String path) {}

    /** A link to a translation: its language code, the language's name in the page's language, its path. */
    public record TranslationLink(String language, String name, String path) {}
}
