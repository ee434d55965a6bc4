package org.wargeys.newsroom;

import java.util.List;
import org.wargeys.desk.Mentions;

/**
 * The model of {@code newsroom/article-desk.jte}: an article's internal notes and assignments, with
 * the forms to add a note (anyone) and to assign the article or a translation of it (editors).
 *
 * @param handles how to mention each colleague ("@amina"), as a hint under the note form
 */
public record ArticleDeskPage(
        NewsroomLayout layout,
        long articleId,
        String headline,
        String language,
        String status,
        List<AssignmentLine> assignments,
        List<NoteLine> notes,
        boolean mayAssign,
        List<ArticleListPage.Person> staff,
        List<String> languages,
        List<String> handles,
        java.util.Map<String, String> errors,
        String draftNote,
        String timezone) {

    /** An assignment as listed: who, what, when due, and whether the viewer may mark it done. */
    public record AssignmentLine(
            long id, String assignee, String what, String due, boolean open, boolean late, boolean mayClose) {}

    /** A note: who wrote it, when, and its text cut into plain runs and mentions. */
    public record NoteLine(long id, String author, String time, String timeIso, List<Mentions.Part> parts) {}
}
