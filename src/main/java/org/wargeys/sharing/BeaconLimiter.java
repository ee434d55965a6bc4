package org.wargeys.sharing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;

/**
 * How many share beacons each client address may send: a fixed number per clock minute. Held in
 * memory only (addresses are never stored), forgotten a few minutes after the last beacon, and
 * bounded in size so a flood of addresses cannot exhaust memory. Thread-safe.
 */
final class BeaconLimiter {

    private record Window(long minute, int count) {}

    private final Cache<String, Window> windows = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(5))
            .build();
    private final int perMinute;
    private final Clock clock;

    BeaconLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts a beacon from the address; false when the address has used up this minute's allowance. */
    boolean allow(String address) {
        long minute = clock.millis() / 60_000;
        Window window = windows.asMap()
                .compute(
                        address,
                        (key, old) -> old == null || old.minute() != minute
                                ? new Window(minute, 1)
                                : new Window(minute, old.count() + 1));
        return window.count() <= perMinute;
    }
}
