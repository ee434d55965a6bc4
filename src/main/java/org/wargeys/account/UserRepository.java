package org.wargeys.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Staff accounts in the database. Thread-safe. */
final class UserRepository {

    private static final String COLUMNS = "id, email, display_name, role, languages, created_at, must_change_password";

    private final Jdbi jdbi;

    UserRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    long insert(String email, String name, String passwordHash, Role role, java.util.Set<String> languages, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO users (email, display_name, password_hash, role, languages, created_at)
                        VALUES (:email, :name, :hash, :role, :languages, :now) RETURNING id""")
                .bind("email", email).bind("name", name).bind("hash", passwordHash).bind("role", role.code())
                .bind("languages", languages.stream().sorted().collect(Collectors.joining(",")))
                .bind("now", now.toEpochMilli())
                .mapTo(Long.class).one());
    }

    Optional<User> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .bind("id", id).map(UserRepository::map).findOne());
    }

    Optional<User> findByEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users WHERE email = :email")
                .bind("email", email).map(UserRepository::map).findOne());
    }

    Optional<String> passwordHash(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM users WHERE id = :id")
                .bind("id", id).mapTo(String.class).findOne());
    }

    void setPasswordHash(long id, String hash, boolean oneTime) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET password_hash = :hash, must_change_password = :once WHERE id = :id")
                .bind("id", id).bind("hash", hash).bind("once", oneTime ? 1 : 0).execute());
    }

    List<User> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users ORDER BY email")
                .map(UserRepository::map).list());
    }

    private static User map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        String languages = rs.getString("languages");
        return new User(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"), Role.of(rs.getString("role")),
                Arrays.stream(languages.split(",")).filter(s -> !s.isBlank()).collect(Collectors.toSet()),
                Instant.ofEpochMilli(rs.getLong("created_at")), rs.getInt("must_change_password") == 1);
    }
}
