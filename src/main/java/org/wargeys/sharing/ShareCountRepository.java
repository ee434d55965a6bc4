package org.wargeys.sharing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The share counts in the database, one row per article, network and day. Thread-safe. */
final class ShareCountRepository {

    private final Jdbi jdbi;

    ShareCountRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Adds one share; a single statement, so concurrent beacons never lose a count. */
    void increment(long articleId, String network, LocalDate day) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO share_counts (article_id, network, day, shares) VALUES (:article, :network, :day, 1)
                        ON CONFLICT (article_id, network, day) DO UPDATE SET shares = share_counts.shares + 1""")
                .bind("article", articleId)
                .bind("network", network)
                .bind("day", day.toString())
                .execute());
    }

    Map<String, Long> byNetwork(long articleId) {
        Map<String, Long> totals = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT network, SUM(shares) AS total FROM (
                            SELECT network, shares FROM share_counts WHERE article_id = :article
                            UNION ALL
                            SELECT network, count AS shares FROM imported_share_counts WHERE article_id = :article
                        ) AS all_shares
                        GROUP BY network ORDER BY network""")
                .bind("article", articleId)
                .map((rs, ctx) -> Map.entry(rs.getString("network"), rs.getLong("total")))
                .forEach(e -> totals.put(e.getKey(), e.getValue())));
        return totals;
    }

    List<ShareCounts.Day> byDay(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT day, SUM(shares) AS total FROM share_counts WHERE article_id = :article
                        GROUP BY day ORDER BY day""")
                .bind("article", articleId)
                .map((rs, ctx) -> new ShareCounts.Day(LocalDate.parse(rs.getString("day")), rs.getLong("total")))
                .list());
    }

    long total(long articleId) {
        // Counts carried over from the old site (Social Snap) keep their social proof; they have no days.
        return jdbi.withHandle(h ->
                h.createQuery("""
                        SELECT COALESCE((SELECT SUM(shares) FROM share_counts WHERE article_id = :article), 0)
                             + COALESCE((SELECT SUM(count) FROM imported_share_counts WHERE article_id = :article), 0)""").bind("article", articleId).mapTo(Long.class).one());
    }
}
