package org.wargeys.newsroom;

import java.util.List;
import java.util.Map;
import org.wargeys.article.Taxonomy;

/**
 * The model of {@code newsroom/articles.jte}: the filter as given and its choices, a page of articles
 * (each with its language, status, translation state, section, bylines and dates already worded), the
 * links to the pages on either side, and for editors the bulk actions' choices.
 *
 * @param previousHref the page before, or null on the first
 * @param nextHref the page after, or null on the last
 * @param self this page's address, where a bulk action comes back to
 */
public record ArticleListPage(
        NewsroomLayout layout,
        Filter filter,
        List<String> languages,
        List<String> statuses,
        List<Taxonomy.Term> sections,
        List<Taxonomy.Term> authors,
        List<Row> rows,
        String previousHref,
        String nextHref,
        boolean bulk,
        List<Taxonomy.Term> tags,
        List<Person> staff,
        String self,
        String timezone) {

    /** The filter as the form shows it (empty strings for "any"). */
    public record Filter(
            String q, String language, String status, String section, String author, String translation, String sort) {

        /** The filter's non-empty parameters, for links that keep it. */
        public Map<String, String> query() {
            return ArticleListEditor.query(this);
        }
    }

    /**
     * One article.
     *
     * @param translationState original, incomplete, current or outdated
     * @param translateInto the missing languages the staff member may start a translation into
     */
    public record Row(
            long id,
            String headline,
            String language,
            String languageName,
            String status,
            String statusText,
            String translationState,
            String translationText,
            List<String> translateInto,
            String section,
            String bylines,
            String updated,
            String updatedIso,
            String published,
            String publishedIso,
            int notes) {}

    /** A staff member one may assign work to. */
    public record Person(long id, String name) {}
}
