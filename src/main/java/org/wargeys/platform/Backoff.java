package org.wargeys.platform;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long an outbox worker (webhooks, mail) waits before its next attempt at something that failed:
 * {@code first}, doubling after each failure up to {@code longest}, plus up to a tenth more at random,
 * so that what failed together does not retry together. Immutable.
 */
public record Backoff(Duration first, Duration longest) {

    /** The wait after the {@code attempts}-th failed attempt (1 for the first). */
    public Duration after(int attempts) {
        long base = first.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        long wait = Math.min(base, longest.toMillis());
        return Duration.ofMillis(wait + ThreadLocalRandom.current().nextLong(wait / 10 + 1));
    }
}
