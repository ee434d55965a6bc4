package org.wargeys.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BeaconLimiterTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void an_address_gets_its_allowance_per_minute_and_others_are_not_affected() {
        ManualClock clock = new ManualClock();
        BeaconLimiter limiter = new BeaconLimiter(3, clock);
        assertThat(limiter.allow("10.0.0.1")).isTrue();
        assertThat(limiter.allow("10.0.0.1")).isTrue();
        assertThat(limiter.allow("10.0.0.1")).isTrue();
        assertThat(limiter.allow("10.0.0.1")).isFalse();
        assertThat(limiter.allow("10.0.0.2")).isTrue();

        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(limiter.allow("10.0.0.1")).isTrue();
    }
}
