package org.wargeys.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same page is the same bytes in two separate programs (two JVMs, as two nodes or one node before
 * and after a restart): the strong ETag then matches everywhere and revalidation works. A map whose
 * order changes from one JVM to the next (Map.of) anywhere in a page breaks this; within one JVM it
 * could not be seen, hence the separate processes.
 */
class SameBytesIT {

    static final List<String> PAGES = List.of(
            "/en/2020/12/iran-vows-soleimani-revenge",
            "/so/2020/12/iran-oo-ballan-qaaday",
            "/en/",
            "/en/rss.xml",
            "/sitemap.xml");

    @TempDir
    Path temp;

    @Test
    void two_programs_serve_the_same_bytes_and_etags_for_the_same_pages() throws Exception {
        List<List<String>> served = new ArrayList<>();
        for (String name : List.of("one", "two")) {
            int port = freePort();
            Process program = new ProcessBuilder(
                            javaCommand(),
                            "-Xmx256m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            "org.wargeys.Wargeys",
                            "serve",
                            "--port",
                            String.valueOf(port),
                            "--host",
                            "127.0.0.1",
                            "--base-url",
                            "https://news.example.org",
                            "--data",
                            temp.resolve(name).toString())
                    .redirectErrorStream(true)
                    .redirectOutput(temp.resolve(name + ".log").toFile())
                    .start();
            try {
                served.add(fetchAll(port));
            } finally {
                program.destroy();
                program.waitFor();
            }
        }
        for (int i = 0; i < PAGES.size(); i++) {
            assertThat(served.get(1).get(i))
                    .as(PAGES.get(i))
                    .isEqualTo(served.get(0).get(i));
        }
    }

    /** Each page's ETag and body, once the program answers. */
    private static List<String> fetchAll(int port) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                http.send(request(port, "/healthz"), HttpResponse.BodyHandlers.discarding());
                break;
            } catch (IOException starting) {
                assertThat(System.nanoTime()).as("the program did not start").isLessThan(deadline);
                Thread.sleep(100);
            }
        }
        List<String> pages = new ArrayList<>();
        for (String path : PAGES) {
            HttpResponse<String> response = http.send(request(port, path), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            pages.add(response.headers().firstValue("ETag").orElse("(no ETag)") + "\n" + response.body());
        }
        return pages;
    }

    private static HttpRequest request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
