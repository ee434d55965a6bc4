package org.wargeys.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Staff accounts in the database. Thread-safe. */
final class UserRepository {

    private static final String COLUMNS =
            "id, email, display_name, role, languages, created_at, must_change_password, disabled_at";

    private final Jdbi jdbi;

    UserRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    long insert(
            Handle h,
            String email,
            String name,
            String passwordHash,
            Role role,
            java.util.Set<String> languages,
            boolean oneTime,
            Instant now) {
        return h.createQuery("""
                        INSERT INTO users (email, display_name, password_hash, role, languages, must_change_password, created_at)
                        VALUES (:email, :name, :hash, :role, :languages, :once, :now) RETURNING id""")
                .bind("email", email)
                .bind("name", name)
                .bind("hash", passwordHash)
                .bind("role", role.code())
                .bind("languages", languages.stream().sorted().collect(Collectors.joining(",")))
                .bind("once", oneTime ? 1 : 0)
                .bind("now", now.toEpochMilli())
                .mapTo(Long.class)
                .one();
    }

    Optional<User> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .bind("id", id)
                .map(UserRepository::map)
                .findOne());
    }

    Optional<User> findByEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users WHERE email = :email")
                .bind("email", email)
                .map(UserRepository::map)
                .findOne());
    }

    Optional<String> passwordHash(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM users WHERE id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne());
    }

    /** A new password, and every session of the account ended, on the caller's transaction. */
    void setPassword(Handle h, long id, String hash, boolean oneTime) {
        h.createUpdate("UPDATE users SET password_hash = :hash, must_change_password = :once WHERE id = :id")
                .bind("id", id)
                .bind("hash", hash)
                .bind("once", oneTime ? 1 : 0)
                .execute();
        endSessions(h, id);
    }

    Optional<User> findByEmail(Handle h, String email) {
        return h.createQuery("SELECT " + COLUMNS + " FROM users WHERE email = :email")
                .bind("email", email)
                .map(UserRepository::map)
                .findOne();
    }

    void endSessions(Handle h, long id) {
        h.createUpdate("DELETE FROM sessions WHERE user_id = :id")
                .bind("id", id)
                .execute();
    }

    Optional<User> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .bind("id", id)
                .map(UserRepository::map)
                .findOne();
    }

    int countActiveAdministrators(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM users WHERE role = :role AND disabled_at IS NULL")
                .bind("role", Role.ADMINISTRATOR.code())
                .mapTo(Integer.class)
                .one();
    }

    void setRole(Handle h, long id, Role role, java.util.Set<String> languages) {
        h.createUpdate("UPDATE users SET role = :role, languages = :languages WHERE id = :id")
                .bind("id", id)
                .bind("role", role.code())
                .bind("languages", languages.stream().sorted().collect(Collectors.joining(",")))
                .execute();
    }

    /** Disables an account and ends all its sessions, on the caller's transaction. */
    void disable(Handle h, long id, Instant now) {
        h.createUpdate("UPDATE users SET disabled_at = :now WHERE id = :id")
                .bind("id", id)
                .bind("now", now.toEpochMilli())
                .execute();
        endSessions(h, id);
    }

    void enable(Handle h, long id) {
        h.createUpdate("UPDATE users SET disabled_at = NULL WHERE id = :id")
                .bind("id", id)
                .execute();
    }

    List<User> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users ORDER BY email")
                .map(UserRepository::map)
                .list());
    }

    private static User map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        String languages = rs.getString("languages");
        return new User(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("display_name"),
                Role.of(rs.getString("role")),
                Arrays.stream(languages.split(",")).filter(s -> !s.isBlank()).collect(Collectors.toSet()),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.getInt("must_change_password") == 1,
                rs.getObject("disabled_at") != null);
    }
}
