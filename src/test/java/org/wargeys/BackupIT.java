package org.wargeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.account.Role;
import org.wargeys.media.Image;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditEntry;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;
import picocli.CommandLine;

/**
 * Backups an operator can trust (issue 12): written with {@code wargeys backup} while the site serves,
 * restored with {@code wargeys restore} into an empty site that exports byte for byte the same, serves
 * every image and keeps the whole audit log; a damaged or truncated archive is refused and nothing
 * changes. {@code export} works beside a running site too.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class BackupIT {

    @Parameter
    DatabaseKind database;

    @TempDir
    Path temp;

    private String out;
    private String err;

    @Test
    void a_backup_taken_while_serving_restores_into_an_identical_site() throws Exception {
        TestSite original = TestSite.start(database, true);
        TestSite restored = null;
        try {
            original.wiring()
                    .accounts()
                    .accounts()
                    .create(
                            "editor@example.org",
                            "Edna",
                            Role.EDITOR,
                            Set.of(),
                            "correct horse battery",
                            Actor.TERMINAL);
            Image photo = original.wiring()
                    .media()
                    .service()
                    .upload(
                            MediaBytes.png(),
                            "Photo: Agency",
                            Map.of("en", new Image.Text("Mourners", "Tehran")),
                            Actor.TERMINAL);
            long article = original.wiring()
                    .articles()
                    .service()
                    .findPublished("en", "iran-vows-soleimani-revenge")
                    .orElseThrow()
                    .id();
            original.wiring().articles().service().feature(article, photo.id(), Actor.TERMINAL);
            original.wiring().articles().corrections().add(article, "A name was misspelt.", Actor.TERMINAL);

            Path archive = temp.resolve("site.zip");
            assertThat(run(command("backup", original, archive.toString())))
                    .as(err)
                    .isZero();
            assertThat(out).contains("Wrote", "media files");

            Path data = temp.resolve("restored");
            String dbUrl = database.newDatabaseUrl();
            assertThat(run(command("restore", data, dbUrl, archive.toString())))
                    .as(err)
                    .isZero();

            restored = TestSite.onData(data, dbUrl);
            assertThat(exportJson(restored)).isEqualTo(exportJson(original));
            assertThat(restored.get(photo.path(photo.widths().get(0))).statusCode())
                    .isEqualTo(200);
            assertThat(restored.wiring().platform().audit().recent(1_000))
                    .extracting(AuditEntry::action)
                    .containsExactlyElementsOf(original.wiring().platform().audit().recent(1_000).stream()
                            .map(AuditEntry::action)
                            .toList());
            var page = Jsoup.parse(
                    restored.get("/en/2020/12/iran-vows-soleimani-revenge").body());
            assertThat(page.select("figure img").attr("alt")).isEqualTo("Mourners");
            // The newsroom's search index is not in the archive: loading the articles rebuilt it.
            assertThat(restored.wiring()
                            .articles()
                            .listing()
                            .page(
                                    new org.wargeys.article.ArticleListing.Query(
                                            "soleiman", null, null, null, null, null, null, null),
                                    null,
                                    null,
                                    50,
                                    "en")
                            .rows())
                    .isNotEmpty();

            // Ids continue after the restored ones: a new article is not refused for a taken id.
            restored.wiring()
                    .articles()
                    .service()
                    .createDraft(
                            new org.wargeys.article.ArticleDraft(
                                    "en", null, "After the restore", null, null, null, "Body.", null, null, null),
                            Actor.TERMINAL);
        } finally {
            original.deleteData();
            if (restored != null) restored.deleteData();
        }
    }

    @Test
    void a_damaged_or_truncated_archive_is_refused_and_nothing_changes() throws Exception {
        TestSite original = TestSite.start(database, true);
        Path archive = temp.resolve("site.zip");
        try {
            assertThat(run(command("backup", original, archive.toString())))
                    .as(err)
                    .isZero();
        } finally {
            original.deleteData();
        }
        byte[] bytes = Files.readAllBytes(archive);

        Path truncated = temp.resolve("truncated.zip");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path data = temp.resolve("target");
        String dbUrl = database.newDatabaseUrl();
        assertThat(run(command("restore", data, dbUrl, truncated.toString()))).isEqualTo(1);
        assertThat(err).contains("damaged or truncated", "nothing was changed");

        Path damaged = temp.resolve("damaged.zip");
        byte[] flipped = bytes.clone();
        int at = indexOf(flipped, "Iran".getBytes(StandardCharsets.UTF_8));
        // Stored entries are deflated: flip a byte inside the first table's compressed data instead.
        flipped[at > 0 ? at : 200] ^= 0x55;
        Files.write(damaged, flipped);
        assertThat(run(command("restore", data, dbUrl, damaged.toString()))).isEqualTo(1);
        assertThat(err).containsAnyOf("does not match its checksum", "damaged or truncated");

        TestSite empty = TestSite.onData(data, dbUrl);
        try {
            assertThat(empty.wiring().articles().service().count())
                    .as("nothing was written")
                    .isZero();
        } finally {
            empty.deleteData();
        }
    }

    @Test
    void export_and_backup_work_beside_a_running_site() throws Exception {
        TestSite serving = TestSite.start(database, true);
        try {
            Path json = temp.resolve("export.json");
            assertThat(run(command("export", serving, "--format", "json", json.toString())))
                    .as(err)
                    .isZero();
            assertThat(Files.readString(json)).contains("iran-vows-soleimani-revenge");
            assertThat(run(command("backup", serving, temp.resolve("b.zip").toString())))
                    .as(err)
                    .isZero();
            assertThat(serving.get("/en/").statusCode()).isEqualTo(200);
        } finally {
            serving.deleteData();
        }
    }

    private static String exportJson(TestSite site) {
        var out = new java.io.ByteArrayOutputStream();
        site.wiring().importer().siteJson().exportJson(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> command(String name, TestSite site, String... rest) {
        return command(name, site.dataDir(), site.dbUrl(), rest);
    }

    private static List<String> command(String name, Path data, String dbUrl, String... rest) {
        List<String> args = new ArrayList<>(List.of(name, "--data", data.toString()));
        if (dbUrl != null) args.addAll(List.of("--db-url", dbUrl, "--db-user", "app"));
        args.addAll(List.of(rest));
        return args;
    }

    private int run(List<String> args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            return new CommandLine(new Wargeys()).execute(args.toArray(String[]::new));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            out = o.toString(StandardCharsets.UTF_8);
            err = e.toString(StandardCharsets.UTF_8);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    /** A small image to upload. */
    static final class MediaBytes {
        static byte[] png() throws java.io.IOException {
            var image = new java.awt.image.BufferedImage(400, 300, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var bytes = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        }
    }
}
