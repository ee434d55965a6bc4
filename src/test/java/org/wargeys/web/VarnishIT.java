package org.wargeys.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleDraft;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/**
 * Real Varnish (Debian's varnishd with varnish-modules' xkey) in front of Wargeys, with the shipped
 * deploy/varnish/wargeys.vcl: a page is warmed into Varnish, an article is published and another
 * edited, and Varnish serves the new pages on the very next request (the purge hook purged their
 * surrogate keys before the publish returned), never the old ones. Skipped without varnishd, except
 * in CI, where .ci/run installs it. Independent of the database: SQLite.
 */
class VarnishIT {

    static final String EN = "/en/2020/12/iran-vows-soleimani-revenge";

    @Test
    void varnish_serves_the_new_pages_at_once_after_a_publish_and_an_edit(@TempDir Path dir) throws Exception {
        boolean present = Files.isExecutable(Path.of("/usr/sbin/varnishd"));
        if (!present && System.getenv("CI") != null) throw new AssertionError("varnishd is missing in CI");
        Assumptions.assumeTrue(present, "varnishd is not installed (apt-get install varnish varnish-modules)");

        int varnishPort = freePort();
        TestSite site =
                TestSite.withPurgeHook(DatabaseKind.SQLITE, "http://127.0.0.1:" + varnishPort + "/.wargeys/purge");
        Process varnish = null;
        try {
            Path projectVcl =
                    Path.of(System.getProperty("wargeys.projectDir", ".")).resolve("deploy/varnish/wargeys.vcl");
            String vcl = Files.readString(projectVcl).replace(".port = \"8080\";", ".port = \"" + site.port() + "\";");
            Path vclFile = Files.writeString(dir.resolve("wargeys.vcl"), vcl);
            varnish = new ProcessBuilder(
                            "/usr/sbin/varnishd",
                            "-F",
                            "-j",
                            "none",
                            "-n",
                            dir.resolve("varnish").toString(),
                            "-a",
                            "127.0.0.1:" + varnishPort,
                            "-f",
                            vclFile.toString(),
                            "-s",
                            "malloc,32m",
                            "-p",
                            "default_grace=0")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("varnish.log").toFile())
                    .start();
            HttpClient http = HttpClient.newHttpClient();
            awaitOk(http, varnishPort, varnish, dir.resolve("varnish.log"));

            // Warm: the home page and the article are in Varnish.
            get(http, varnishPort, "/en/");
            get(http, varnishPort, EN);
            assertThat(get(http, varnishPort, "/en/").headers().firstValue("X-Varnish-Cache"))
                    .contains("HIT");
            assertThat(get(http, varnishPort, EN).headers().firstValue("X-Varnish-Cache"))
                    .contains("HIT");
            assertThat(get(http, varnishPort, EN).headers().firstValue("xkey")).isEmpty();

            // Purges made while Varnish was not yet started (the demo content's) failed; none after.
            long failuresBefore = site.wiring().web().purgeFailures();
            long sentBefore = site.wiring().web().purgesSent();

            // Publish a new article and edit the cached one.
            var articles = site.wiring().articles().service();
            Article fresh = articles.createDraft(
                    new ArticleDraft(
                            "en",
                            null,
                            "Locust swarms reach Hiiraan",
                            null,
                            null,
                            null,
                            "Farmers in Beledweyne report locust swarms.",
                            "world",
                            List.of("iran"),
                            List.of("newsroom")),
                    Actor.TERMINAL);
            articles.publish(fresh.id(), Actor.TERMINAL);
            Article english =
                    articles.findPublished("en", "iran-vows-soleimani-revenge").orElseThrow();
            var details = articles.details(english);
            articles.update(
                    english.id(),
                    english.revision(),
                    new ArticleDraft(
                            english.language(),
                            english.slug(),
                            "Iran vows revenge (edited behind Varnish)",
                            english.dateline(),
                            english.standfirst(),
                            english.bodyFormat(),
                            english.body(),
                            details.section().map(s -> s.key()).orElse(null),
                            details.tags().stream().map(t -> t.key()).toList(),
                            details.authors().stream().map(a -> a.key()).toList()),
                    Actor.TERMINAL);

            // The very next requests through Varnish get the new pages, and keep getting them.
            for (int i = 0; i < 3; i++) {
                var home = get(http, varnishPort, "/en/");
                assertThat(home.body()).contains("Locust swarms reach Hiiraan");
                var article = get(http, varnishPort, EN);
                assertThat(Jsoup.parse(article.body()).select("h1").text())
                        .isEqualTo("Iran vows revenge (edited behind Varnish)");
            }
            assertThat(get(http, varnishPort, EN).headers().firstValue("X-Varnish-Cache"))
                    .contains("HIT");
            assertThat(site.wiring().web().purgesSent()).isGreaterThan(sentBefore);
            assertThat(site.wiring().web().purgeFailures()).isEqualTo(failuresBefore);

            // Only the Wargeys nodes may purge; anyone else is refused (here: a missing key).
            var refused = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + varnishPort + "/.wargeys/purge"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(refused.statusCode()).isEqualTo(400);
        } finally {
            if (varnish != null) {
                varnish.destroy();
                varnish.waitFor(30, TimeUnit.SECONDS);
            }
            site.deleteData();
        }
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }

    // Waits for Varnish to answer with its backend healthy (an event), bounded.
    private static void awaitOk(HttpClient http, int port, Process varnish, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            assertThat(varnish.isAlive()).as(() -> read(log)).isTrue();
            assertThat(System.nanoTime())
                    .as(() -> "Varnish ready in time: " + read(log))
                    .isLessThan(deadline);
            try {
                var r = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(50);
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
