package org.wargeys.newsroom;

import java.util.List;
import org.wargeys.article.Taxonomy;

/**
 * The model of {@code newsroom/articles.jte}: the filter as given, its choices, and one row per
 * translation group with the state of each site language.
 */
public record ArticleListPage(
        NewsroomLayout layout,
        Filter filter,
        List<String> languages,
        List<String> statuses,
        List<Taxonomy.Term> sections,
        List<Taxonomy.Term> authors,
        List<Row> rows) {

    /** The filter as the form shows it (empty strings for "any"). */
    public record Filter(String language, String status, String section, String author, String q) {}

    /** A translation group: the headline of its source article and a cell per site language. */
    public record Row(long groupId, String headline, List<Cell> cells) {}

    /**
     * One language of a group.
     *
     * @param state missing, draft, in_review, scheduled, published, unpublished or outdated
     * @param articleId null when missing
     * @param translateFrom the source article to translate from when missing and the user may, else null
     */
    public record Cell(String language, String state, Long articleId, Long translateFrom) {}
}
