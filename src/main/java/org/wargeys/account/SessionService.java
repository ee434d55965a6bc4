package org.wargeys.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.platform.StorageFailure;

/**
 * Newsroom sessions, stored in the database so that they survive restarts and are shared by every
 * node. A session ends after {@link #IDLE} without a request or {@link #ABSOLUTE} after sign-in,
 * whichever comes first. Thread-safe.
 */
public final class SessionService {

    public static final Duration IDLE = Duration.ofHours(2);
    public static final Duration ABSOLUTE = Duration.ofHours(12);
    // Writing last_seen_at on every request would make every page view a write; a minute is precise enough.
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** A new session and the token for its cookie (the only place the token exists). */
    public record Started(String token, Session session) {}

    static final Duration REMEMBERED = Duration.ofMinutes(10);

    private final Jdbi jdbi;
    private final UserRepository users;
    private final Clock clock;
    private final Cache<String, Session> lastGood = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBERED)
            .maximumSize(10_000)
            .build();

    SessionService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.users = new UserRepository(jdbi);
        this.clock = clock;
    }

    public Started start(User user) {
        String token = Tokens.random();
        String csrf = Tokens.random();
        Instant now = clock.instant();
        jdbi.useHandle(h -> {
            // Sign-in is a good moment to drop this user's expired sessions.
            h.createUpdate(
                            "DELETE FROM sessions WHERE user_id = :user AND (last_seen_at < :idle OR created_at < :absolute)")
                    .bind("user", user.id())
                    .bind("idle", now.minus(IDLE).toEpochMilli())
                    .bind("absolute", now.minus(ABSOLUTE).toEpochMilli())
                    .execute();
            h.createUpdate("""
                            INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at)
                            VALUES (:hash, :user, :csrf, :now, :now)""")
                    .bind("hash", Tokens.sha256(token))
                    .bind("user", user.id())
                    .bind("csrf", csrf)
                    .bind("now", now.toEpochMilli())
                    .execute();
        });
        return new Started(token, new Session(Tokens.sha256(token), user, csrf, now, now));
    }

    /**
     * The live session a cookie's token names, if any; an expired one is deleted. While the database
     * does not answer, a session resumed in the last {@link #REMEMBERED} is still recognised, so that
     * a journalist's save comes back with their text and the reason instead of a sign-in page: nothing
     * can be changed meanwhile anyway, and once the database answers every lookup reads it again.
     */
    public Optional<Session> resume(String token) {
        if (token == null || token.isBlank() || token.length() > 100) return Optional.empty();
        String hash = Tokens.sha256(token);
        try {
            Optional<Session> session = lookUp(hash);
            session.ifPresentOrElse(s -> lastGood.put(hash, s), () -> lastGood.invalidate(hash));
            return session;
        } catch (RuntimeException e) {
            if (StorageFailure.of(e).isEmpty()) throw e;
            Session remembered = lastGood.getIfPresent(hash);
            if (remembered == null) throw e;
            return Optional.of(remembered);
        }
    }

    private Optional<Session> lookUp(String hash) {
        Instant now = clock.instant();
        record Row(long userId, String csrf, long created, long lastSeen) {}
        Optional<Row> row = jdbi.withHandle(h -> h.createQuery(
                        "SELECT user_id, csrf_token, created_at, last_seen_at FROM sessions WHERE token_hash = :hash")
                .bind("hash", hash)
                .map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .findOne());
        if (row.isEmpty()) return Optional.empty();
        Instant created = Instant.ofEpochMilli(row.get().created());
        Instant lastSeen = Instant.ofEpochMilli(row.get().lastSeen());
        if (!now.isBefore(lastSeen.plus(IDLE)) || !now.isBefore(created.plus(ABSOLUTE))) {
            end(hash);
            return Optional.empty();
        }
        Optional<User> user = users.find(row.get().userId());
        // Disabling deletes the sessions; this also ends one that was started at the same moment.
        if (user.isEmpty() || user.get().disabled()) {
            end(hash);
            return Optional.empty();
        }
        if (!now.isBefore(lastSeen.plus(TOUCH_EVERY))) {
            jdbi.useHandle(h -> h.createUpdate("UPDATE sessions SET last_seen_at = :now WHERE token_hash = :hash")
                    .bind("now", now.toEpochMilli())
                    .bind("hash", hash)
                    .execute());
            lastSeen = now;
        }
        return Optional.of(new Session(hash, user.get(), row.get().csrf(), created, lastSeen));
    }

    /** Ends one session (sign out). */
    public void end(String tokenHash) {
        lastGood.invalidate(tokenHash);
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .execute());
    }

    /** Ends every session of a user, on every device and node (sign out everywhere). */
    public int endAll(long userId) {
        lastGood.asMap().values().removeIf(s -> s.user().id() == userId);
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM sessions WHERE user_id = :user")
                .bind("user", userId)
                .execute());
    }

    public int count(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sessions WHERE user_id = :user")
                .bind("user", userId)
                .mapTo(Integer.class)
                .one());
    }
}
