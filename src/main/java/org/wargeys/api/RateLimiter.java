package org.wargeys.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests per clock minute for each client (an address, a content key, a token), counted in memory on
 * this node: a fixed window per client, forgotten a few minutes after its last request and bounded in
 * number, so a flood of addresses cannot exhaust memory. A request costs a lookup and an atomic add,
 * cheap enough for the cached path. Thread-safe.
 */
final class RateLimiter {

    /** The answer for one request: allowed or not, and what to tell the client. */
    record Verdict(boolean allowed, int limit, long remaining, long resetSeconds) {}

    // The window's minute in the high bits, the count in the low 24: one atomic word per client.
    private static final int COUNT_BITS = 24;
    private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;

    private final Cache<String, AtomicLong> windows = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(3))
            .build();
    private final Clock clock;

    RateLimiter(Clock clock) {
        this.clock = clock;
    }

    Verdict count(String client, int perMinute) {
        long millis = clock.millis();
        long minute = millis / 60_000;
        AtomicLong window = windows.get(client, k -> new AtomicLong(minute << COUNT_BITS));
        long count;
        while (true) {
            long word = window.get();
            long next = (word >>> COUNT_BITS) == minute
                    ? (word & COUNT_MASK) >= COUNT_MASK ? word : word + 1
                    : (minute << COUNT_BITS) | 1;
            if (window.compareAndSet(word, next)) {
                count = next & COUNT_MASK;
                break;
            }
        }
        long reset = Math.max(1, 60 - (millis / 1000) % 60);
        return new Verdict(count <= perMinute, perMinute, Math.max(0, perMinute - count), reset);
    }
}
