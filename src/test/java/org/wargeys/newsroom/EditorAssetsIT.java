package org.wargeys.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wargeys.account.Role;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestSite;

/**
 * The editor page's own script and style sheets, as a phone on a slow network receives them: compressed
 * (Brotli, else gzip), cached for good under fingerprinted names, and within 150 KB together. Once, on
 * SQLite: no database is involved.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorAssetsIT {

    static final long BUDGET = 150 * 1024;

    TestSite site;
    StaffClient editor;

    @BeforeAll
    void start() {
        site = TestSite.start(DatabaseKind.SQLITE, false);
        site.wiring()
                .accounts()
                .accounts()
                .create("assets@example.org", "Asad", Role.EDITOR, Set.of(), "correct horse battery", Actor.TERMINAL);
        editor = StaffClient.signIn(site, "assets@example.org", "correct horse battery");
    }

    @AfterAll
    void stop() {
        if (site != null) site.deleteData();
    }

    List<String> assets(Document page) {
        List<String> urls = new ArrayList<>();
        page.select("script[src]").forEach(e -> urls.add(e.attr("src")));
        page.select("link[rel=stylesheet]").forEach(e -> urls.add(e.attr("href")));
        return urls;
    }

    long transferred(String url, String acceptEncoding, String expectedEncoding) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + url))
                                .header("Accept-Encoding", acceptEncoding)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(response.headers().firstValue("Content-Encoding")).as(url).hasValue(expectedEncoding);
        assertThat(response.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        return response.body().length;
    }

    @Test
    void the_editor_pages_own_script_and_styles_are_within_150_kb_compressed() throws Exception {
        List<String> urls = assets(editor.page("/admin/articles/new"));
        assertThat(urls).anyMatch(u -> u.matches("/assets/editor\\.[0-9a-f]{10}\\.js"));
        assertThat(urls).anyMatch(u -> u.matches("/assets/editor\\.[0-9a-f]{10}\\.css"));
        long brotli = 0;
        long gzip = 0;
        for (String url : urls) {
            brotli += transferred(url, "gzip, deflate, br", "br");
            gzip += transferred(url, "gzip", "gzip");
        }
        // The figures, for whoever updates docs/newsroom.md and ADR 0008.
        System.out.printf(
                "The editor page's own assets: %d bytes with Brotli, %d with gzip (%s)%n", brotli, gzip, urls);
        assertThat(brotli).as("Brotli: %d bytes for %s", brotli, urls).isLessThanOrEqualTo(BUDGET);
        assertThat(gzip).as("gzip: %d bytes for %s", gzip, urls).isLessThanOrEqualTo(BUDGET);
    }

    @Test
    void a_client_without_compression_gets_the_bytes_as_they_are() throws Exception {
        String script = assets(editor.page("/admin/articles/new")).stream()
                .filter(u -> u.endsWith(".js"))
                .findFirst()
                .orElseThrow();
        HttpResponse<String> plain = site.get(script);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).startsWith("/* Wargeys article editor");
    }
}
