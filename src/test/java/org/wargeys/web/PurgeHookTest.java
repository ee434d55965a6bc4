package org.wargeys.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;

class PurgeHookTest {

    @Test
    void purged_keys_are_posted_to_the_cdn_hook() throws Exception {
        BlockingQueue<String> received = new ArrayBlockingQueue<>(4);
        HttpServer cdn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cdn.createContext("/purge", exchange -> {
            received.add(exchange.getRequestMethod() + " "
                    + exchange.getRequestHeaders().getFirst("Surrogate-Key") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        cdn.start();
        try {
            PageCache cache = new PageCache(
                    1024 * 1024,
                    Clock.systemUTC(),
                    PurgeHook.to("http://127.0.0.1:" + cdn.getAddress().getPort() + "/purge"));
            cache.purge(List.of("article-7", "group-3"));
            // The purge waits (bounded) for the cache in front to answer: the request has arrived.
            assertThat(received.poll()).isEqualTo("POST article-7 group-3 {\"keys\":[\"article-7\",\"group-3\"]}");
        } finally {
            cdn.stop(0);
        }
    }

    @Test
    void many_keys_are_sent_in_requests_whose_header_a_cache_takes() {
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 2_000; i++) keys.add("article-" + i);
        var batches = PurgeHook.Http.batches(keys);
        assertThat(batches).hasSizeGreaterThan(1);
        assertThat(batches.stream().mapToInt(java.util.List::size).sum()).isEqualTo(2_000);
        for (var batch : batches)
            assertThat(String.join(" ", batch).length()).isLessThanOrEqualTo(PurgeHook.Http.MAX_HEADER);
    }

    @Test
    void accepted_encodings_follow_quality_values() {
        assertThat(PageCache.accepts("gzip, deflate, br", "gzip")).isTrue();
        assertThat(PageCache.accepts("br;q=1.0, gzip;q=0.5", "gzip")).isTrue();
        assertThat(PageCache.accepts("gzip;q=0", "gzip")).isFalse();
        assertThat(PageCache.accepts("identity", "gzip")).isFalse();
        assertThat(PageCache.accepts(null, "gzip")).isFalse();
        assertThat(PageCache.accepts("gzip;q=junk", "gzip")).isFalse();
        assertThat(PageCache.accepts("gzip, br", "br")).isTrue();
        assertThat(PageCache.accepts("gzip, br;q=0", "br")).isFalse();
    }
}
