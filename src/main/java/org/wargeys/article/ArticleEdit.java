package org.wargeys.article;

/**
 * Everything one save of the article editor carries, saved together in one transaction: the content
 * (with section, tags and bylines), the search-engine title and description, the featured image, the
 * home-page pin and, for a translation, the source revision its translator has carried over.
 *
 * @param seoTitle blank or null: the headline stands in
 * @param seoDescription blank or null: the standfirst stands in
 * @param featuredImageId the image from the media library, or null for none
 * @param pinned whether it leads its language's home page; null leaves it as it is
 * @param sourceRevision the source revision a translation now reflects; null leaves it as it is
 */
public record ArticleEdit(
        ArticleDraft draft,
        String seoTitle,
        String seoDescription,
        Long featuredImageId,
        Boolean pinned,
        Integer sourceRevision) {

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
