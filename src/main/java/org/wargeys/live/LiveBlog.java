package org.wargeys.live;

import java.time.Instant;

/**
 * The live coverage of one translation group: the source article an editor turned live, when it
 * started and (once it closed) ended, and whether untranslated source entries show in the other
 * languages. Immutable.
 */
public record LiveBlog(
        long translationGroupId,
        long articleId,
        String sourceLanguage,
        Instant startedAt,
        Instant endedAt,
        boolean showOriginals) {

    /** True while the coverage runs: readers poll for new entries and reporters post. */
    public boolean isLive() {
        return endedAt == null;
    }
}
