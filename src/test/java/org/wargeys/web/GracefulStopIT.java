package org.wargeys.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.Test;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/**
 * A graceful stop: no new connection is taken, a request in flight gets its whole answer, and the
 * search index is closed with no lock left behind. Also: every response carries a request id.
 * Independent of the database: SQLite.
 */
class GracefulStopIT {

    @Test
    void a_stop_lets_the_request_in_flight_finish_refuses_new_ones_and_leaves_no_index_lock() throws Exception {
        // A site of its own: the test stops it.
        TestSite site = TestSite.start(DatabaseKind.SQLITE, false);
        try (Socket socket = new Socket("127.0.0.1", site.port())) {
            socket.setSoTimeout(20_000);
            String body = "email=someone%40example.org&password=not-the-password";
            OutputStream out = socket.getOutputStream();
            out.write(("POST /admin/login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                            + "\r\n\r\n" + body.substring(0, 10))
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The request is in a handler, waiting for the rest of its body (an event, bounded).
            awaitTrue(() -> site.wiring().web().requestsInFlight() == 1);

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(site::close);
            // New connections are refused while the one in flight goes on.
            awaitTrue(() -> refused(site.port()));
            assertThat(stopping).isNotDone();

            out.write(body.substring(10).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = read(socket.getInputStream());
            assertThat(response).startsWith("HTTP/1.1 ").contains("X-Request-Id: ");
            assertThat(response).containsIgnoringCase("</html>");
            stopping.get(30, TimeUnit.SECONDS);
        } finally {
            site.close();
        }
        try (FSDirectory index = FSDirectory.open(site.dataDir().resolve("search-index"));
                Lock lock = index.obtainLock("write.lock")) {
            lock.ensureValid();
        } finally {
            site.deleteData();
        }
    }

    @Test
    void every_response_has_a_request_id_and_a_proxys_plain_id_is_kept() {
        TestSite site = TestSite.start(DatabaseKind.SQLITE, false);
        try {
            String made = site.get("/en/").headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(made).matches("[0-9a-f]{16}");
            assertThat(site.get("/en/").headers().firstValue("X-Request-Id")).isNotEqualTo(java.util.Optional.of(made));
            assertThat(site.get("/nowhere/at/all", Map.of("X-Request-Id", "varnish-1234"))
                            .headers()
                            .firstValue("X-Request-Id"))
                    .contains("varnish-1234");
            assertThat(site.get("/en/", Map.of("X-Request-Id", "bad id\u00e9<script>"))
                            .headers()
                            .firstValue("X-Request-Id")
                            .orElseThrow())
                    .matches("[0-9a-f]{16}");
            // Page-cache hits are answered before routing, and carry one too.
            var hit = site.get("/en/");
            assertThat(hit.headers().firstValue("X-Cache")).contains("HIT");
            assertThat(hit.headers().firstValue("X-Request-Id")).isPresent();
        } finally {
            site.deleteData();
        }
    }

    private static boolean refused(int port) {
        try (Socket probe = new Socket("127.0.0.1", port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    // Waits for an event, not for time: the deadline only bounds a failing wait.
    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("The condition did not become true");
            Thread.sleep(5);
        }
    }
}
