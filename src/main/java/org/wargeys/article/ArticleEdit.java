package org.wargeys.article;

import java.util.List;
import org.wargeys.media.Image;

/**
 * Everything one save of the article editor carries, saved together in one transaction: the content
 * (with section, tags and bylines), the search-engine title and description, the featured image with
 * its alt text and caption in the article's language, the home-page pin and, for a translation, what
 * its translator has carried over from the source.
 *
 * @param seoTitle blank or null: the headline stands in
 * @param seoDescription blank or null: the standfirst stands in
 * @param featuredImageId the image from the media library, or null for none
 * @param pinned whether it leads its language's home page; null leaves it as it is
 * @param sourceRevision the source revision a translation now reflects; null leaves it as it is
 * @param featuredText the featured image's alt text and caption in the article's language; null leaves
 *     them as they are
 * @param sourceSegments for a translation, the source block each block of its body was translated from
 *     ({@link BodyBlocks}); null leaves them as they are
 */
public record ArticleEdit(
        ArticleDraft draft,
        String seoTitle,
        String seoDescription,
        Long featuredImageId,
        Boolean pinned,
        Integer sourceRevision,
        Image.Text featuredText,
        List<String> sourceSegments) {

    public ArticleEdit {
        sourceSegments = sourceSegments == null ? null : List.copyOf(sourceSegments);
    }

    public ArticleEdit(
            ArticleDraft draft,
            String seoTitle,
            String seoDescription,
            Long featuredImageId,
            Boolean pinned,
            Integer sourceRevision) {
        this(draft, seoTitle, seoDescription, featuredImageId, pinned, sourceRevision, null, null);
    }

    /** Content only: no search-engine fields, no featured image, pin and translation state unchanged. */
    public static ArticleEdit of(ArticleDraft draft) {
        return new ArticleEdit(draft, null, null, null, null, null);
    }

    String seoTitleOrNull() {
        return blankToNull(seoTitle);
    }

    String seoDescriptionOrNull() {
        return blankToNull(seoDescription);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
