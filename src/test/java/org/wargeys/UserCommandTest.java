package org.wargeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wargeys.account.AccountModule;
import org.wargeys.account.SignIn;
import org.wargeys.platform.ConfigLoader;
import org.wargeys.platform.Platform;
import picocli.CommandLine;

class UserCommandTest {

    @TempDir
    Path data;

    @Test
    void user_add_reads_the_password_from_stdin() {
        Run run = run(
                "correct horse battery\n",
                "user",
                "add",
                "--role",
                "admin",
                "--data",
                data.toString(),
                "--password-stdin",
                "Chief@Example.org");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Created administrator chief@example.org")
                .doesNotContain("correct horse battery");
        SignIn signIn = signIn("chief@example.org", "correct horse battery");
        assertThat(signIn.accepted().orElseThrow().mustChangePassword()).isFalse();
    }

    @Test
    void user_add_without_stdin_prints_a_one_time_password_that_works() {
        Run run = run(
                "",
                "user",
                "add",
                "--role",
                "translator",
                "--languages",
                "so",
                "--data",
                data.toString(),
                "t@example.org");
        assertThat(run.exit()).as(run.err()).isZero();
        String password = run.out().replaceAll("(?s).*One-time password[^:]*: (\\S+).*", "$1");
        assertThat(password).hasSize(20);
        SignIn signIn = signIn("t@example.org", password);
        assertThat(signIn).isInstanceOf(SignIn.Accepted.class);
        assertThat(signIn.accepted().orElseThrow().mustChangePassword()).isTrue();
        assertThat(signIn.accepted().orElseThrow().languages()).containsExactly("so");
    }

    @Test
    void reset_password_replaces_the_old_one_with_a_one_time_password() {
        run(
                "correct horse battery\n",
                "user",
                "add",
                "--role",
                "editor",
                "--data",
                data.toString(),
                "--password-stdin",
                "ed@example.org");
        Run reset = run("", "user", "reset-password", "--data", data.toString(), "ED@example.org");
        assertThat(reset.exit()).as(reset.err()).isZero();
        String password = reset.out().replaceAll("(?s).*New one-time password[^:]*: (\\S+).*", "$1");
        assertThat(password).hasSize(20);
        assertThat(signIn("ed@example.org", "correct horse battery").accepted()).isEmpty();
        assertThat(signIn("ed@example.org", password).accepted().orElseThrow().mustChangePassword())
                .isTrue();
        Run unknown = run("", "user", "reset-password", "--data", data.toString(), "nobody@example.org");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("There is no account nobody@example.org");
    }

    @Test
    void user_add_refuses_an_unknown_role_and_a_short_password() {
        assertThat(run("", "user", "add", "--role", "root", "--data", data.toString(), "x@example.org")
                        .exit())
                .isEqualTo(2);
        Run shortPassword = run(
                "short\n",
                "user",
                "add",
                "--role",
                "editor",
                "--data",
                data.toString(),
                "--password-stdin",
                "x@example.org");
        assertThat(shortPassword.exit()).isEqualTo(1);
        assertThat(shortPassword.err()).contains("at least 10 characters");
    }

    private SignIn signIn(String email, String password) {
        var config =
                new ConfigLoader(java.util.Map.of()).load(java.util.Map.of(ConfigLoader.DATA, data.toString()), null);
        try (Platform platform = Platform.open(config, Clock.systemUTC())) {
            return new AccountModule(platform).accounts().signIn(email, password, "127.0.0.1");
        }
    }

    record Run(int exit, String out, String err) {}

    private static Run run(String stdin, String... args) {
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new Wargeys()).execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
