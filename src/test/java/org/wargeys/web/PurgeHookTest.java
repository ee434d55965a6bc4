package org.wargeys.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PurgeHookTest {

    @Test
    void purged_keys_are_posted_to_the_cdn_hook() throws Exception {
        BlockingQueue<String> received = new ArrayBlockingQueue<>(4);
        HttpServer cdn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cdn.createContext("/purge", exchange -> {
            received.add(exchange.getRequestMethod() + " "
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
            // The hook is asynchronous by design; waiting on the queue is waiting for the event, not for time.
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("POST {\"keys\":[\"article-7\",\"group-3\"]}");
        } finally {
            cdn.stop(0);
        }
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
