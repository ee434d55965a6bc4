package org.wargeys.newsroom;

import java.util.List;

/**
 * The model of {@code newsroom/revisions.jte}: an article's revisions, newest first, and the diff
 * between two of them, word by word, when asked.
 *
 * @param diff the word diff as escaped HTML ({@code <del>}, {@code <ins>}), or null when no comparison was asked
 */
public record RevisionsPage(
        NewsroomLayout layout,
        long articleId,
        String headline,
        int currentRevision,
        List<Entry> revisions,
        Integer from,
        Integer to,
        String diff,
        boolean mayRestore) {

    /** One revision in the list. */
    public record Entry(int number, String savedAt, String savedBy, String headline) {}
}
