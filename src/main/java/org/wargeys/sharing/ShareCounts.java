package org.wargeys.sharing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * First-party share analytics: counts of shares per article, network and day (UTC), and their
 * totals. Nothing about the reader is kept. Thread-safe.
 */
public final class ShareCounts {

    /** The shares of one article on one day, all networks together. */
    public record Day(LocalDate day, long shares) {}

    /** An article's totals: all networks, each network, each day. */
    public record Totals(long articleId, long total, Map<String, Long> networks, List<Day> days) {
        public Totals {
            networks = Map.copyOf(networks);
            days = List.copyOf(days);
        }
    }

    private final ShareCountRepository repository;
    private final Clock clock;
    // Shared since the last takeRecentlyShared(): their pages' printed totals are out of date.
    private final java.util.Set<Long> recentlyShared = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ShareCounts(Jdbi jdbi, Clock clock) {
        this.repository = new ShareCountRepository(jdbi);
        this.clock = clock;
    }

    public void record(long articleId, String network) {
        repository.increment(articleId, network, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        recentlyShared.add(articleId);
    }

    /** The articles shared since the last call, forgotten as they are returned. */
    public List<Long> takeRecentlyShared() {
        List<Long> taken = new java.util.ArrayList<>();
        for (Long id : recentlyShared) {
            if (recentlyShared.remove(id)) taken.add(id);
        }
        return taken;
    }

    public long total(long articleId) {
        return repository.total(articleId);
    }

    public Totals totals(long articleId) {
        Map<String, Long> networks = repository.byNetwork(articleId);
        return new Totals(
                articleId,
                networks.values().stream().mapToLong(Long::longValue).sum(),
                networks,
                repository.byDay(articleId));
    }
}
