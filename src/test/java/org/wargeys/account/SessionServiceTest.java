package org.wargeys.account;

import static org.assertj.core.api.Assertions.assertThat;

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

class SessionServiceTest {

    @TempDir
    Path dir;

    Database database;
    MovableClock clock;
    SessionService sessions;
    User user;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("test.db"), null, null);
        clock = new MovableClock(Instant.parse("2026-11-25T08:00:00Z"));
        sessions = new SessionService(database.jdbi(), clock);
        AccountService accounts = new AccountService(
                database,
                new Transactions(database.jdbi(), new EventBus()),
                new PasswordHasher(64, 1),
                new AuditLog(database.jdbi(), clock),
                clock);
        user = accounts.create(
                "Reporter@Example.org", "R", Role.AUTHOR, Set.of(), "long enough password", Actor.TERMINAL);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void a_session_resumes_with_its_token_and_only_with_it() {
        var started = sessions.start(user);
        assertThat(sessions.resume(started.token())).hasValueSatisfying(s -> {
            assertThat(s.user().email()).isEqualTo("reporter@example.org");
            assertThat(s.csrfToken()).isEqualTo(started.session().csrfToken()).hasSizeGreaterThan(40);
        });
        assertThat(sessions.resume(started.session().tokenHash())).isEmpty();
        assertThat(sessions.resume("")).isEmpty();
        assertThat(sessions.resume(null)).isEmpty();
    }

    @Test
    void a_session_ends_after_two_idle_hours() {
        var started = sessions.start(user);
        clock.advance(SessionService.IDLE.minusMinutes(1));
        assertThat(sessions.resume(started.token())).isPresent();
        clock.advance(SessionService.IDLE.minusMinutes(1));
        assertThat(sessions.resume(started.token()))
                .as("each request restarts the idle time")
                .isPresent();
        clock.advance(SessionService.IDLE);
        assertThat(sessions.resume(started.token())).isEmpty();
        assertThat(sessions.count(user.id())).isZero();
    }

    @Test
    void a_busy_session_still_ends_twelve_hours_after_sign_in() {
        var started = sessions.start(user);
        for (int hour = 1; hour < 12; hour++) {
            clock.advance(Duration.ofHours(1));
            assertThat(sessions.resume(started.token())).as("hour " + hour).isPresent();
        }
        clock.advance(Duration.ofHours(1));
        assertThat(sessions.resume(started.token())).isEmpty();
    }

    @Test
    void ending_all_sessions_of_a_user_leaves_other_users_signed_in() {
        AccountService accounts = new AccountService(
                database,
                new Transactions(database.jdbi(), new EventBus()),
                new PasswordHasher(64, 1),
                new AuditLog(database.jdbi(), clock),
                clock);
        User other = accounts.create(
                "other@example.org", "O", Role.EDITOR, Set.of(), "long enough password", Actor.TERMINAL);
        var a = sessions.start(user);
        var b = sessions.start(user);
        var c = sessions.start(other);
        assertThat(sessions.endAll(user.id())).isEqualTo(2);
        assertThat(sessions.resume(a.token())).isEmpty();
        assertThat(sessions.resume(b.token())).isEmpty();
        assertThat(sessions.resume(c.token())).isPresent();
    }
}
