package org.wargeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.testsupport.DatabaseKind;
import picocli.CommandLine;

/** The operator's import and export commands, run as the launcher runs them, on each database. */
class CommandLineIT {

    @TempDir
    Path temp;

    private String out;
    private String err;

    private int run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            return new CommandLine(new Wargeys()).execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            out = o.toString(StandardCharsets.UTF_8);
            err = e.toString(StandardCharsets.UTF_8);
        }
    }

    private static String fixture(String name) throws URISyntaxException {
        return Path.of(CommandLineIT.class.getResource("/importer/" + name).toURI())
                .toString();
    }

    private static List<String> site(DatabaseKind kind, Path data) {
        List<String> args = new ArrayList<>(List.of("--data", data.toString()));
        String url = kind.newDatabaseUrl();
        if (url != null) args.addAll(List.of("--db-url", url, "--db-user", "app"));
        return args;
    }

    private int run(List<String> command, List<String> site, String... rest) {
        List<String> args = new ArrayList<>(command);
        args.addAll(site);
        args.addAll(List.of(rest));
        return run(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void import_report_export_and_load_into_an_empty_site(DatabaseKind kind) throws Exception {
        List<String> first = site(kind, temp.resolve("first"));
        assertThat(run(List.of("import", "wordpress"), first, "--dry-run", fixture("polylang.xml")))
                .isZero();
        assertThat(out).contains("Dry run", "imported  3");
        assertThat(run(List.of("import", "wordpress"), first, fixture("polylang.xml")))
                .as(err)
                .isZero();
        assertThat(out).contains("Import finished", "imported  3", "skipped   0");
        assertThat(run(List.of("import", "wordpress"), first, fixture("polylang.xml")))
                .isZero();
        assertThat(out).contains("imported  0", "unchanged 3");

        Path json = temp.resolve("site.json");
        assertThat(run(List.of("export"), first, "--format", "json", json.toString()))
                .as(err)
                .isZero();
        Path wxr = temp.resolve("site.xml");
        assertThat(run(List.of("export"), first, "--format", "wxr", wxr.toString()))
                .as(err)
                .isZero();
        assertThat(Files.readString(wxr)).contains("<wp:wxr_version>1.2</wp:wxr_version>");

        List<String> second = site(kind, temp.resolve("second"));
        assertThat(run(List.of("import", "json"), second, json.toString()))
                .as(err)
                .isZero();
        Path again = temp.resolve("again.json");
        assertThat(run(List.of("export"), second, "--format", "json", again.toString()))
                .isZero();
        assertThat(Files.readString(again)).isEqualTo(Files.readString(json));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_broken_file_fails_with_a_line_number_and_no_stack_trace(DatabaseKind kind) throws Exception {
        Path bomb = Files.writeString(temp.resolve("bomb.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
                <rss><channel><title>&lol2;</title></channel></rss>
                """);
        assertThat(run(List.of("import", "wordpress"), site(kind, temp.resolve("data")), bomb.toString()))
                .isEqualTo(1);
        assertThat(err).contains("import failed, nothing was changed: line 2:").doesNotContain("Exception");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void user_set_role_disable_and_enable_change_an_account_from_the_terminal(DatabaseKind kind) {
        List<String> site = site(kind, temp.resolve("users"));
        assertThat(run(List.of("user", "add", "--role", "admin"), site, "chief@example.org"))
                .as(err)
                .isZero();
        assertThat(run(List.of("user", "add", "--role", "author"), site, "asha@example.org"))
                .as(err)
                .isZero();

        assertThat(run(List.of("user", "set-role"), site, "--languages", "so,ar", "Asha@example.org", "translator"))
                .as(err)
                .isZero();
        assertThat(out).contains("asha@example.org is now translator (ar,so).");
        assertThat(run(List.of("user", "disable"), site, "asha@example.org"))
                .as(err)
                .isZero();
        assertThat(out).contains("Disabled asha@example.org");
        assertThat(run(List.of("user", "enable"), site, "asha@example.org"))
                .as(err)
                .isZero();
        assertThat(out).contains("Enabled asha@example.org.");

        assertThat(run(List.of("user", "set-role"), site, "nobody@example.org", "editor"))
                .isEqualTo(1);
        assertThat(err)
                .contains("wargeys: There is no account nobody@example.org.")
                .doesNotContain("Exception", "\tat ");
        assertThat(run(List.of("user", "disable"), site, "nobody@example.org")).isEqualTo(1);
        assertThat(err).contains("There is no account nobody@example.org.");
        assertThat(run(List.of("user", "set-role"), site, "asha@example.org", "root"))
                .isEqualTo(2);
        assertThat(err.strip()).isEqualTo("wargeys: No role 'root' (administrator, editor, author or translator)");

        assertThat(run(List.of("user", "set-role"), site, "chief@example.org", "editor"))
                .isEqualTo(1);
        assertThat(err)
                .contains("chief@example.org is the last active administrator")
                .doesNotContain("Exception");
        assertThat(run(List.of("user", "disable"), site, "chief@example.org")).isEqualTo(1);
        assertThat(err).contains("last active administrator");
    }
}
