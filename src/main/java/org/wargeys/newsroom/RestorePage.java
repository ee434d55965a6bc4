package org.wargeys.newsroom;

import java.util.List;

/**
 * The model of {@code newsroom/restore.jte}: the confirmation before an old revision is restored.
 *
 * @param live whether the article is published (the restore then waits for an editor's approval)
 * @param diff from the current text to the revision's, word by word, as escaped HTML
 * @param corrections the corrections published since the revision was saved, worded
 * @param pendingExists whether a change already waits on the article (this one replaces it)
 */
public record RestorePage(
        NewsroomLayout layout,
        long articleId,
        String headline,
        int number,
        int currentRevision,
        boolean live,
        String savedAt,
        String diff,
        List<String> corrections,
        boolean pendingExists) {}
