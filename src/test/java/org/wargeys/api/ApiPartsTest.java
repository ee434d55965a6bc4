package org.wargeys.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wargeys.article.ArticleSelection;

/** The API's small parts: cursors, which queries the cache keeps, rate windows, settings. */
class ApiPartsTest {

    @Test
    void a_cursor_names_the_position_it_was_made_from_and_junk_names_none() {
        String cursor = Cursor.of(Instant.ofEpochMilli(1_700_000_000_123L), 42);
        assertThat(Cursor.parse(cursor))
                .contains(new ArticleSelection.After(Instant.ofEpochMilli(1_700_000_000_123L), 42));
        assertThat(Cursor.parse("junk")).isEmpty();
        assertThat(Cursor.parse("")).isEmpty();
        assertThat(Cursor.parse("x".repeat(100))).isEmpty();
    }

    @Test
    void only_queries_in_the_documented_order_are_kept_by_the_cache() {
        List<String> order = ContentApi.LIST_PARAMETERS;
        assertThat(ContentApi.keepable(null, order)).isTrue();
        assertThat(ContentApi.keepable("language=en&section=world&limit=5", order))
                .isTrue();
        assertThat(ContentApi.keepable("section=world&language=en", order)).isFalse();
        assertThat(ContentApi.keepable("language=en&language=so", order)).isFalse();
        assertThat(ContentApi.keepable("utm_source=x", order)).isFalse();
        assertThat(ContentApi.keepable("language", order)).isFalse();
    }

    @Test
    void a_client_gets_its_limit_per_clock_minute_and_a_fresh_one_the_next_minute() {
        var clock = new org.wargeys.testsupport.TestClock(Instant.parse("2026-11-25T10:00:30Z"));
        RateLimiter limiter = new RateLimiter(clock);
        for (int i = 0; i < 3; i++) assertThat(limiter.count("a", 3).allowed()).isTrue();
        RateLimiter.Verdict fourth = limiter.count("a", 3);
        assertThat(fourth.allowed()).isFalse();
        assertThat(fourth.resetSeconds()).isEqualTo(30);
        assertThat(limiter.count("b", 3).allowed()).as("another client").isTrue();
        clock.advance(java.time.Duration.ofSeconds(30));
        assertThat(limiter.count("a", 3).allowed()).isTrue();
    }

    @Test
    void settings_are_checked_when_the_site_starts() {
        ApiSettings settings =
                ApiSettings.from(Map.of("api.cors_origins", "https://App.example.org/, http://localhost:3000"));
        assertThat(settings.allowedOrigin("https://app.example.org")).isEqualTo("https://app.example.org");
        assertThat(settings.allowedOrigin("https://other.example.org")).isNull();
        assertThat(ApiSettings.from(Map.of("api.cors_origins", "*")).allowedOrigin("https://x.example"))
                .isEqualTo("*");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ApiSettings.from(Map.of("api.content_keys", "sometimes")))
                .hasMessageContaining("api.content_keys");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ApiSettings.from(Map.of("api.rate_limit_per_minute", "0")))
                .hasMessageContaining("api.rate_limit_per_minute");
        assertThat(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).isNotNull();
    }
}
