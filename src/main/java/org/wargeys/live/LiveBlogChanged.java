package org.wargeys.live;

import org.wargeys.platform.SharedEvent;

/**
 * Something readers of a live blog can see changed: coverage started or ended, the originals setting
 * changed, or an entry was posted, edited or deleted. Every node hears it (its page cache drops the
 * group's live pages and poll answers). Announced after the change commits.
 *
 * @param change {@code started}, {@code ended}, {@code originals}, {@code posted}, {@code edited} or
 *     {@code deleted}
 * @param entryId the entry, or 0 for a change of the coverage itself
 */
public record LiveBlogChanged(long translationGroupId, long articleId, String language, long entryId, String change)
        implements SharedEvent {

    /** True when the coverage itself changed (the article page's badge, JSON-LD and feeds change too). */
    public boolean coverageChanged() {
        return entryId == 0;
    }
}
