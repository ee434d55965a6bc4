package org.wargeys.newsroom;

import java.util.List;
import java.util.Map;
import org.wargeys.article.Taxonomy;

/**
 * The model of {@code newsroom/editor.jte}: the form (as stored, as just posted, or as autosaved), its
 * errors, the article's language and address, what the pickers start from, what the staff member may
 * do next, and for a translation the source beside it, block by block.
 *
 * @param articleId null for a new article
 * @param notice a message key shown on top, or null; {@code noticeError} says whether it is an error
 * @param errors field name → reason
 * @param mayPin whether the "pin to the top of the home page" checkbox is offered (editors and administrators)
 * @param article the article's language, its text direction and where it is (or will be) on the site
 * @param richBody the body as the rich editor opens it (sanitized HTML)
 * @param tagChips the tags as the picker shows them (key or proposed name, and the name to show)
 * @param authorChips the bylines as the picker shows them
 * @param featured the featured image, or null
 * @param pending an autosaved copy of unsaved changes that this form shows, or null
 * @param workspace for a translation, the source beside it; null otherwise
 * @param strings the editor script's strings, as JSON, in the staff member's language
 */
public record EditorPage(
        NewsroomLayout layout,
        Long articleId,
        String status,
        String statusText,
        ArticleForm form,
        Map<String, String> errors,
        String notice,
        boolean noticeError,
        List<String> languages,
        List<Taxonomy.Term> sections,
        List<String> steps,
        String timezone,
        List<LanguageState> translations,
        List<CorrectionLine> corrections,
        boolean mayCorrect,
        String publicPath,
        ShareChart shares,
        boolean mayPin,
        ArticlePlace article,
        String richBody,
        List<Chip> tagChips,
        List<Chip> authorChips,
        Featured featured,
        PendingCopy pending,
        String reviewNotice,
        Workspace workspace,

        String savedText,
        String strings) {

    /** Another language of the group, and whether a translation into it may be started here. */
    public record LanguageState(String language, String name, String state, Long articleId, boolean mayStart) {}

    /**
     * The article's language and where readers find it.
     *
     * @param urlPrefix the address up to the slug ({@code https://site/en/2026/11/})
     * @param autoSlug the slug the headline makes, for an article whose slug follows it
     * @param siteName for the search-result and link previews
     * @param host the site's host name, as search results print it
     */
    public record ArticlePlace(
            String language,
            String dir,
            String languageName,
            String urlPrefix,
            String autoSlug,
            String siteName,
            String host) {}

    /** One chosen tag or byline. {@code note}: "proposed", "staff", "guest" or null. */
    public record Chip(String value, String label, String note) {}

    /** Chips as the picker script reads them (JSON in an attribute, escaped by the template). */
    public static String json(List<Chip> chips) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(chips);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The featured image as the editor shows it. */
    public record Featured(long id, String thumb, int width, int height, String credit, String otherAlt) {}

    /** An autosaved copy the form was filled from, and when it was made. */
    public record PendingCopy(String savedText, boolean olderThanArticle) {}

    /**
     * A translation beside its source: the source's headline and standfirst, and its blocks row by row
     * with what changed in each since it was translated.
     *
     * @param outdatedRows the number of rows (headline and standfirst included) still to carry over
     */
    public record Workspace(
            long sourceId,
            String language,
            String languageName,
            String dir,
            int sourceRevision,
            String headline,
            String standfirst,
            String headlineDiff,
            String standfirstDiff,
            List<Row> rows,
            long outdatedRows) {}

    /** A source block and its state: same, changed, added or removed. */
    public record Row(int index, String state, String sourceHtml, String diffHtml) {}

    /**
     * Shares of a published article over the last {@link ShareChart#DAYS} days, as bars of an inline
     * SVG chart (heights in chart units, 0–100), with the total and a text summary for screen readers.
     */
    public record ShareChart(long total, String summary, List<Bar> bars) {
        public static final int DAYS = 30;

        public record Bar(int x, int height, String label) {}
    }

    /** A correction as listed in the editor. */
    public record CorrectionLine(String date, String note) {}
}
