package org.wargeys.sharing;

import java.util.List;
import org.wargeys.platform.EventBus;

/**
 * Keeps the share total printed on cached article pages (the social proof) current: run every minute,
 * it announces the articles shared since the last run, and the page cache drops their pages.
 *
 * <p>Why once a minute and not on every share: a story going round WhatsApp is shared many times a
 * second; a purge per share would re-render the page and call the CDN's purge API as often. A minute
 * late is fine for a count.
 */
public final class ShareTotalsRefresh {

    public static final long EVERY_SECONDS = 60;

    private final ShareCounts counts;
    private final ShareSettings settings;
    private final EventBus events;

    public ShareTotalsRefresh(ShareCounts counts, ShareSettings settings, EventBus events) {
        this.counts = counts;
        this.settings = settings;
        this.events = events;
    }

    public void run() {
        List<Long> shared = counts.takeRecentlyShared();
        // Without social proof no page prints a total: nothing to refresh.
        if (shared.isEmpty() || settings.socialProofThreshold() <= 0) return;
        events.publish(new ShareTotalsChanged(shared));
    }
}
