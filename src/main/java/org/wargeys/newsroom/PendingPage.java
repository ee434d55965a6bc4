package org.wargeys.newsroom;

import java.util.List;

/**
 * The model of {@code newsroom/pending.jte}: the change waiting for approval on a published article,
 * each field word by word against what readers see now (escaped HTML with {@code <del>} and
 * {@code <ins>}).
 *
 * @param changeId null when nothing waits
 * @param stale whether the article was saved since the change was made (approving is then refused)
 * @param corrections for a restore: the corrections published since the restored revision, worded
 * @param mayDecide whether this staff member may approve or turn it down (editors)
 */
public record PendingPage(
        NewsroomLayout layout,
        long articleId,
        String headline,
        Long changeId,
        String proposedBy,
        String proposedAt,
        Integer restoredFrom,
        boolean stale,
        String headlineDiff,
        String datelineDiff,
        String standfirstDiff,
        String bodyDiff,
        List<String> corrections,
        boolean mayDecide) {}
