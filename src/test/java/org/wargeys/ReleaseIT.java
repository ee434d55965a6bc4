package org.wargeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release as an operator gets it: {@code target/wargeys-VERSION.tar.gz} (made by
 * {@code ./mvnw package}) is unpacked in a temporary folder and its launcher runs the site with the
 * machine's Java, outside Maven and the source tree; it serves the demo site, is ready, and stops
 * gracefully on SIGTERM (as systemd stops it) with no search-index lock left.
 */
class ReleaseIT {

    @Test
    void the_unpacked_release_serves_the_site_and_stops_gracefully_on_sigterm(@TempDir Path dir) throws Exception {
        Path release = Path.of(System.getProperty("wargeys.release", "target/wargeys-0.1.0-SNAPSHOT.tar.gz"));
        assertThat(release).exists();
        assertThat(run(dir, "tar", "xzf", release.toAbsolutePath().toString()).waitFor())
                .isZero();
        Path home;
        try (var found = Files.list(dir)) {
            home = found.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertThat(home.resolve("bin/wargeys")).isExecutable();
        assertThat(home.resolve("docs/deploy.md")).exists();
        assertThat(home.resolve("deploy/systemd/wargeys.service")).exists();
        assertThat(home.resolve("deploy/varnish/wargeys.vcl")).exists();

        Process version = run(home, "bin/wargeys", "--version");
        assertThat(new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("Wargeys");
        assertThat(version.waitFor()).isZero();

        int port = freePort();
        Path data = dir.resolve("data");
        Path log = dir.resolve("server.log");
        ProcessBuilder serve = new ProcessBuilder(
                        "bin/wargeys",
                        "serve",
                        "--port",
                        String.valueOf(port),
                        "--host",
                        "127.0.0.1",
                        "--data",
                        data.toString())
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        serve.environment().put("WARGEYS_METRICS_PORT", "off");
        Process server = serve.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            // Waits for the event (ready), bounded.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            int ready = 0;
            while (ready != 200) {
                assertThat(server.isAlive()).as(Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("ready within the bound").isLessThan(deadline);
                try {
                    ready = http.send(get(port, "/readyz"), HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                } catch (IOException notYet) {
                    ready = 0;
                }
                if (ready != 200) Thread.sleep(100);
            }
            HttpResponse<String> article = http.send(
                    get(port, "/en/2020/12/iran-vows-soleimani-revenge"), HttpResponse.BodyHandlers.ofString());
            assertThat(article.statusCode()).isEqualTo(200);
            assertThat(article.body()).contains("IRAN – (WARSOOR) –");
            assertThat(article.headers().firstValue("X-Request-Id")).isPresent();
        } finally {
            server.destroy(); // SIGTERM
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(server.exitValue()).as(Files.readString(log)).isIn(0, 143);
        assertThat(Files.readString(log)).contains("Wargeys is serving").doesNotContain("Exception");
        try (FSDirectory index = FSDirectory.open(data.resolve("search-index"));
                Lock lock = index.obtainLock("write.lock")) {
            lock.ensureValid();
        }
    }

    private static HttpRequest get(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build();
    }

    private static Process run(Path dir, String... command) throws IOException {
        return new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
