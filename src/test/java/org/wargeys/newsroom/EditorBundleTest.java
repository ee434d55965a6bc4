package org.wargeys.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed editor bundle (src/main/resources/public/editor.js) is the one editor/build.sh makes
 * from the committed sources and lock file: its first line names their SHA-256. A source changed
 * without rebuilding (or a bundle edited by hand) fails here, on a machine without Node.
 */
class EditorBundleTest {

    static final Path BUNDLE = Path.of("src/main/resources/public/editor.js");

    @Test
    void the_bundle_was_built_from_the_sources_and_lock_file_in_the_repository() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(Files.readAllBytes(Path.of("editor/package-lock.json")));
        try (Stream<Path> sources = Files.list(Path.of("editor/src"))) {
            for (Path p : sources.filter(p -> p.toString().endsWith(".js"))
                    .sorted((a, b) ->
                            a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList()) {
                all.write(Files.readAllBytes(p));
            }
        }
        String stamp = HexFormat.of().formatHex(sha.digest(all.toByteArray()));
        String firstLine = Files.readString(BUNDLE, StandardCharsets.UTF_8)
                .lines()
                .findFirst()
                .orElse("");
        assertThat(firstLine)
                .as("editor.js was not rebuilt after editor/src or the lock file changed: run editor/build.sh")
                .contains("from sources " + stamp);
    }

    @Test
    void the_bundle_runs_under_the_sites_content_security_policy() throws IOException {
        String js = Files.readString(BUNDLE, StandardCharsets.UTF_8);
        // script-src 'self' without 'unsafe-eval': no eval, no Function constructor, no string timers.
        assertThat(js).doesNotContain("eval(", "new Function(");
        assertThat(js).doesNotContainPattern("setTimeout\\(\\s*[\"']");
    }
}
