package org.wargeys.newsroom;

import java.util.List;
import java.util.Map;
import org.wargeys.article.Taxonomy;
import org.wargeys.article.TextDiff;

/**
 * The model of {@code newsroom/editor.jte}: the form (as stored or as just posted), its errors, what
 * the staff member may do next, and for a translation the source beside it.
 *
 * @param articleId null for a new article
 * @param notice a message key shown on top, or null; {@code noticeError} says whether it is an error
 * @param errors field name → reason
 * @param mayPin whether the "pin to the top of the home page" checkbox is offered (editors and administrators)
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
        Source source,
        Changes changes,
        List<CorrectionLine> corrections,
        boolean mayCorrect,
        String publicPath,
        ShareChart shares,
        boolean mayPin) {

    /** Another language of the group, and whether a translation into it may be started here. */
    public record LanguageState(String language, String name, String state, Long articleId, boolean mayStart) {}

    /** The source of a translation, shown beside the form. */
    public record Source(
            long articleId, String language, int revision, String headline, String standfirst, String body) {}

    /** What changed in the source since the translation reflected it. */
    public record Changes(int fromRevision, int toRevision, List<TextDiff.Line> diff) {}

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
