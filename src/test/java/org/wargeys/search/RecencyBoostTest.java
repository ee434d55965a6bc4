package org.wargeys.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RecencyBoostTest {

    private static final long DAY = 86_400_000L;
    private static final long NOW = 1_800_000_000_000L;

    @Test
    void todays_news_counts_half_as_much_again_and_old_news_barely_more_than_relevance() {
        assertThat(RecencyBoost.factor(NOW, NOW)).isEqualTo(1.5);
        assertThat(RecencyBoost.factor(NOW - 30 * DAY, NOW)).isCloseTo(1.25, within(1e-9));
        assertThat(RecencyBoost.factor(NOW - 3650 * DAY, NOW)).isBetween(1.0, 1.01);
    }

    @Test
    void the_boost_only_falls_with_age_and_future_dates_count_as_today() {
        assertThat(RecencyBoost.factor(NOW - DAY, NOW)).isLessThan(RecencyBoost.factor(NOW, NOW));
        assertThat(RecencyBoost.factor(NOW + 5 * DAY, NOW)).isEqualTo(1.5);
    }
}
