package org.wargeys.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/**
 * Prometheus metrics: on a loopback port of their own, or on the site only with the token; requests
 * by route and status, the page cache, the database pool, the search-index lag and the JVM. One site
 * for the class (the checks only read). Independent of the database: SQLite.
 */
class MetricsIT {

    static final String EN = "/en/2020/12/iran-vows-soleimani-revenge";
    static final String TOKEN = "s3cret-scraper-token";
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.start(DatabaseKind.SQLITE, true, Map.of("metrics.port", "0", "metrics.token", TOKEN));
    }

    @AfterAll
    static void stop() {
        site.deleteData();
    }

    @Test
    void the_metrics_port_listens_on_loopback_and_counts_requests_by_route_status_and_cache() throws Exception {
        int port = site.wiring().metrics().port();
        assertThat(port).isPositive();
        site.get(EN); // rendered (or already kept)
        site.get(EN); // from the page cache
        site.get("/en/2020/12/no-such-article");

        HttpResponse<String> scraped = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        String text = scraped.body();
        assertThat(text)
                .contains("wargeys_http_requests_seconds_count{method=\"GET\",route=\"page-cache\",status=\"200\"}")
                .contains(
                        "wargeys_http_requests_seconds_count{method=\"GET\",route=\"/{lang}/{year}/{month}/{slug}\",status=\"404\"}")
                .contains(
                        "wargeys_http_requests_seconds_bucket{method=\"GET\",route=\"page-cache\",status=\"200\",le=\"0.005\"}")
                .contains(
                        "wargeys_page_cache_hits_total",
                        "wargeys_page_cache_misses_total",
                        "wargeys_page_cache_renders_total")
                .contains(
                        "wargeys_page_cache_bytes",
                        "wargeys_page_cache_purges_total",
                        "wargeys_purge_hook_failures_total")
                .contains("wargeys_db_pool_active", "wargeys_db_pool_max", "wargeys_db_commits_total")
                .contains("wargeys_search_lag", "wargeys_search_documents", "wargeys_cluster_resyncs_total")
                .contains("wargeys_disk_free_bytes", "wargeys_http_in_flight")
                .contains("wargeys_webhook_attempts_total", "wargeys_webhook_waiting", "wargeys_webhook_failed")
                .contains("wargeys_mail_attempts_total", "wargeys_mail_waiting", "wargeys_mail_failed")
                .contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "process_uptime_seconds");
        assertThat(value(text, "wargeys_page_cache_hits_total")).isGreaterThanOrEqualTo(1);
        assertThat(value(text, "wargeys_search_lag")).isZero();
        assertThat(value(text, "wargeys_webhook_waiting"))
                .as("no endpoint, nothing queued")
                .isZero();

        // Routes, never paths: an unbounded label would grow without end.
        assertThat(text).doesNotContain("no-such-article");
    }

    @Test
    void on_the_site_the_metrics_need_the_token() {
        assertThat(site.get("/metrics").statusCode()).isEqualTo(404);
        assertThat(site.get("/metrics", Map.of("Authorization", "Bearer wrong")).statusCode())
                .isEqualTo(404);
        HttpResponse<String> scraped = site.get("/metrics", Map.of("Authorization", "Bearer " + TOKEN));
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(scraped.body()).contains("wargeys_http_requests_seconds_count");
    }

    static double value(String text, String name) {
        return text.lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
