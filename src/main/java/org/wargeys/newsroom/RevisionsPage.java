package org.wargeys.newsroom;

import java.util.List;
import org.wargeys.article.TextDiff;

/**
 * The model of {@code newsroom/revisions.jte}: an article's revisions, newest first, and the diff
 * between two of them when asked.
 *
 * @param diff null when no comparison was asked
 */
public record RevisionsPage(
        NewsroomLayout layout,
        long articleId,
        String headline,
        int currentRevision,
        List<Entry> revisions,
        Integer from,
        Integer to,
        List<TextDiff.Line> diff,
        boolean mayRestore) {

    /** One revision in the list. */
    public record Entry(int number, String savedAt, String savedBy, String headline) {}
}
