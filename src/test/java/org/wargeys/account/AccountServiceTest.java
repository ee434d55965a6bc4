package org.wargeys.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditLog;
import org.wargeys.platform.Database;
import org.wargeys.platform.EventBus;
import org.wargeys.platform.Transactions;
import org.wargeys.platform.ValidationException;

class AccountServiceTest {

    @TempDir
    Path dir;

    Database database;
    MovableClock clock;
    AccountService accounts;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("test.db"), null, null);
        clock = new MovableClock(Instant.parse("2026-11-25T08:00:00Z"));
        accounts = new AccountService(
                database,
                new Transactions(database.jdbi(), new EventBus()),
                new PasswordHasher(64, 1),
                new AuditLog(database.jdbi(), clock),
                clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void passwords_are_stored_as_argon2id_hashes_only() {
        accounts.create("a@example.org", null, Role.EDITOR, Set.of(), "correct horse battery", Actor.TERMINAL);
        String stored = database.jdbi()
                .withHandle(h -> h.createQuery("SELECT password_hash FROM users")
                        .mapTo(String.class)
                        .one());
        assertThat(stored).startsWith("$argon2id$").doesNotContain("correct horse battery");
        assertThat(accounts.signIn("A@Example.org ", "correct horse battery", "10.0.0.1"))
                .isInstanceOf(SignIn.Accepted.class);
        assertThat(accounts.signIn("a@example.org", "wrong horse battery", "10.0.0.1"))
                .isInstanceOf(SignIn.Refused.class);
        assertThat(accounts.signIn("nobody@example.org", "correct horse battery", "10.0.0.1"))
                .isInstanceOf(SignIn.Refused.class);
    }

    @Test
    void translators_keep_their_languages_other_roles_have_none() {
        User translator = accounts.create(
                "t@example.org", "T", Role.TRANSLATOR, Set.of("so", "ar"), "long enough password", Actor.TERMINAL);
        User editor = accounts.create(
                "e@example.org", "E", Role.EDITOR, Set.of("so"), "long enough password", Actor.TERMINAL);
        assertThat(accounts.find(translator.id()).orElseThrow().languages()).containsExactlyInAnyOrder("so", "ar");
        assertThat(editor.languages()).isEmpty();
    }

    @Test
    void bad_accounts_are_refused_clearly() {
        assertThatThrownBy(() -> accounts.create(
                        "not-an-email", null, Role.AUTHOR, Set.of(), "long enough password", Actor.TERMINAL))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("account.error.email_invalid");
        assertThatThrownBy(() -> accounts.create("a@example.org", null, Role.AUTHOR, Set.of(), "short", Actor.TERMINAL))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("account.error.password_too_short {min=10}");
        accounts.create("a@example.org", null, Role.AUTHOR, Set.of(), "long enough password", Actor.TERMINAL);
        assertThatThrownBy(() -> accounts.create(
                        "A@example.org", null, Role.AUTHOR, Set.of(), "long enough password", Actor.TERMINAL))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("account.error.email_taken");
    }

    @Test
    void throttling_lifts_after_fifteen_minutes() {
        accounts.create("a@example.org", null, Role.AUTHOR, Set.of(), "long enough password", Actor.TERMINAL);
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) accounts.signIn("a@example.org", "wrong", "10.0.0.1");
        assertThat(accounts.signIn("a@example.org", "long enough password", "10.0.0.2"))
                .isInstanceOf(SignIn.Throttled.class);
        clock.advance(LoginThrottle.WINDOW.plus(Duration.ofSeconds(1)));
        assertThat(accounts.signIn("a@example.org", "long enough password", "10.0.0.2"))
                .isInstanceOf(SignIn.Accepted.class);
    }

    @Test
    void the_role_admin_is_the_administrator() {
        assertThat(Role.of("admin")).isEqualTo(Role.ADMINISTRATOR);
        assertThat(Role.of("Translator")).isEqualTo(Role.TRANSLATOR);
        assertThatThrownBy(() -> Role.of("root")).isInstanceOf(IllegalArgumentException.class);
    }
}
