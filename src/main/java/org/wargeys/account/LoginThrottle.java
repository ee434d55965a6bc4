package org.wargeys.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Slows down password guessing: after {@link #PER_ACCOUNT} failed sign-ins for one account
 * (email) or {@link #PER_ADDRESS} from one network address within {@link #WINDOW}, further attempts
 * are refused until the window has passed. Counted in the database, so every node sees the same
 * count. Thread-safe.
 */
final class LoginThrottle {

    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Jdbi jdbi;
    private final Clock clock;

    LoginThrottle(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    boolean blocked(String email, String address) {
        long since = clock.instant().minus(WINDOW).toEpochMilli();
        return jdbi.withHandle(h -> {
            int byEmail = h.createQuery("""
                            SELECT COUNT(*) FROM login_attempts WHERE email = :email AND succeeded = 0 AND attempted_at > :since
                              AND attempted_at > COALESCE((SELECT MAX(attempted_at) FROM login_attempts
                                                           WHERE email = :email AND succeeded = 1), 0)""")
                    .bind("email", email)
                    .bind("since", since)
                    .mapTo(Integer.class)
                    .one();
            int byAddress = h.createQuery(
                            "SELECT COUNT(*) FROM login_attempts WHERE address = :address AND succeeded = 0 AND attempted_at > :since")
                    .bind("address", address)
                    .bind("since", since)
                    .mapTo(Integer.class)
                    .one();
            return byEmail >= PER_ACCOUNT || byAddress >= PER_ADDRESS;
        });
    }

    /** Records an attempt on the caller's transaction (with the sign-in's audit line). */
    void record(org.jdbi.v3.core.Handle h, String email, String address, boolean succeeded) {
        Instant now = clock.instant();
        {
            h.createUpdate(
                            "INSERT INTO login_attempts (email, address, attempted_at, succeeded) VALUES (:email, :address, :now, :ok)")
                    .bind("email", email)
                    .bind("address", address)
                    .bind("now", now.toEpochMilli())
                    .bind("ok", succeeded ? 1 : 0)
                    .execute();
            h.createUpdate("DELETE FROM login_attempts WHERE attempted_at < :old")
                    .bind("old", now.minus(WINDOW.multipliedBy(4)).toEpochMilli())
                    .execute();
        }
    }
}
