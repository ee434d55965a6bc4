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
    static final int PER_EVENT = 500;

    private final java.util.function.Supplier<List<Long>> recentlyShared;
    private final ShareSettings settings;
    private final EventBus events;

    /** @param recentlyShared the articles shared since the last call ({@link ShareCounts#takeRecentlyShared}) */
    ShareTotalsRefresh(
            java.util.function.Supplier<List<Long>> recentlyShared, ShareSettings settings, EventBus events) {
        this.recentlyShared = recentlyShared;
        this.settings = settings;
        this.events = events;
    }

    public void run() {
        List<Long> shared = recentlyShared.get();
        // Without social proof no page prints a total: nothing to refresh.
        if (shared.isEmpty() || settings.socialProofThreshold() <= 0) return;
        // In slices: each event travels to the other nodes as one notification, which holds 8,000 bytes.
        for (int from = 0; from < shared.size(); from += PER_EVENT) {
            events.publish(new ShareTotalsChanged(shared.subList(from, Math.min(shared.size(), from + PER_EVENT))));
        }
    }
}
