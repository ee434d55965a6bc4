package org.wargeys.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.account.AccountService;
import org.wargeys.account.Tokens;
import org.wargeys.account.User;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditLog;
import org.wargeys.platform.Hashes;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.Transactions;
import org.wargeys.platform.ValidationException;

/**
 * Personal access tokens: made by a staff member in the newsroom, scoped, expiring, revocable, shown
 * once and stored as a SHA-256 only, their last use recorded. A token authenticates its owner as they
 * are now: a disabled account's tokens stop working at once, and a new role narrows what they may do.
 * Thread-safe.
 */
public final class AccessTokens {

    /** What a token secret starts with, so that secret scanners (and people) recognise one. */
    public static final String PREFIX = "wgy_";

    public static final List<Integer> LIFETIMES_DAYS = List.of(7, 30, 90, 365);
    static final int MAX_NAME = 100;
    // Writing the last use on every request would make every API call a write; a minute is precise enough.
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** A token as stored (never its secret). */
    public record Token(
            long id,
            long userId,
            String ownerEmail,
            String name,
            Set<Scope> scopes,
            Instant createdAt,
            Instant expiresAt,
            Instant revokedAt,
            Instant lastUsedAt,
            String lastUsedAddress) {

        public Token {
            scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
        }

        public boolean usableAt(Instant now) {
            return revokedAt == null && now.isBefore(expiresAt);
        }

        /** Scope codes in the enum's order, for pages and answers. */
        public List<String> scopeCodes() {
            return Arrays.stream(Scope.values())
                    .filter(scopes::contains)
                    .map(Scope::code)
                    .toList();
        }
    }

    /** A new token and its secret: the only time the secret exists outside the client. */
    public record Created(Token token, String secret) {}

    /** A request's token and its owner as they are now. */
    public record Authenticated(Token token, User user) {
        /** Who acts, for the audit log: the owner, naming the token. */
        public Actor actor(String address) {
            return new Actor(user.id(), user.email() + " via token '" + token.name() + "'", address);
        }
    }

    private final Jdbi jdbi;
    private final Transactions transactions;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Clock clock;

    AccessTokens(Jdbi jdbi, Transactions transactions, AccountService accounts, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Makes a token for {@code owner}, who is the one asking (staff make their own tokens).
     *
     * @throws ValidationException for a missing or long name, no scope, a scope the owner's role can
     *     never use, or a lifetime not offered
     */
    public Created create(User owner, String name, Set<Scope> scopes, int days, Actor actor) {
        ValidationException.Collector errors = ValidationException.collector();
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) errors.add("name", "token.error.name_required");
        else if (clean.length() > MAX_NAME) errors.add("name", "token.error.name_too_long", Map.of("max", MAX_NAME));
        if (scopes.isEmpty()) errors.add("scopes", "token.error.scopes_required");
        else if (!Scope.usableBy(owner.role()).containsAll(scopes)) {
            errors.add(
                    "scopes",
                    "token.error.scope_beyond_role",
                    Map.of("role", owner.role().code()));
        }
        if (!LIFETIMES_DAYS.contains(days)) errors.add("days", "token.error.lifetime");
        errors.throwIfAny();
        String secret = PREFIX + Tokens.random();
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(days));
        String codes = scopes.stream().map(Scope::code).sorted().collect(Collectors.joining(" "));
        long id = transactions.write(tx -> {
            long created = tx.handle()
                    .createQuery("""
                            INSERT INTO api_tokens (user_id, name, token_hash, scopes, created_at, expires_at)
                            VALUES (:user, :name, :hash, :scopes, :now, :expires) RETURNING id""")
                    .bind("user", owner.id())
                    .bind("name", clean)
                    .bind("hash", Hashes.sha256(secret))
                    .bind("scopes", codes)
                    .bind("now", now.toEpochMilli())
                    .bind("expires", expires.toEpochMilli())
                    .mapTo(Long.class)
                    .one();
            audit.record(
                    tx, actor, "token.create", "token:" + created, "'" + clean + "' " + codes + ", " + days + " days");
            return created;
        });
        return new Created(find(id).orElseThrow(), secret);
    }

    /** Revokes a token: its owner may, and an administrator may revoke anyone's. */
    public Token revoke(long id, User by, Actor actor) {
        Token token = find(id).orElseThrow(() -> new NotFoundException("No token " + id));
        if (token.userId() != by.id() && !org.wargeys.article.Permissions.mayManageUsers(by)) {
            throw new NotFoundException("No token " + id + " of " + by.email());
        }
        if (token.revokedAt() != null) return token;
        transactions.run(tx -> {
            tx.handle()
                    .createUpdate("UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                    .bind("now", clock.millis())
                    .bind("id", id)
                    .execute();
            audit.record(tx, actor, "token.revoke", "token:" + id, "'" + token.name() + "' of " + token.ownerEmail());
        });
        return find(id).orElseThrow();
    }

    /**
     * The token a request's secret names, if it is usable and its owner's account is active; its use
     * is recorded (at most once a minute).
     */
    public Optional<Authenticated> authenticate(String secret, String address) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) return Optional.empty();
        Optional<Token> found = query("WHERE t.token_hash = :hash", Map.of("hash", Hashes.sha256(secret))).stream()
                .findFirst();
        Instant now = clock.instant();
        if (found.isEmpty() || !found.get().usableAt(now)) return Optional.empty();
        Token token = found.get();
        Optional<User> owner = accounts.find(token.userId()).filter(User::active);
        if (owner.isEmpty()) return Optional.empty();
        if (token.lastUsedAt() == null
                || !now.isBefore(token.lastUsedAt().plus(TOUCH_EVERY))
                || !java.util.Objects.equals(address, token.lastUsedAddress())) {
            jdbi.useHandle(h -> h.createUpdate(
                            "UPDATE api_tokens SET last_used_at = :now, last_used_address = :address WHERE id = :id")
                    .bind("now", now.toEpochMilli())
                    .bind("address", address)
                    .bind("id", token.id())
                    .execute());
        }
        return Optional.of(new Authenticated(token, owner.get()));
    }

    public Optional<Token> find(long id) {
        return query("WHERE t.id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** A staff member's tokens, newest first. */
    public List<Token> of(long userId) {
        return query("WHERE t.user_id = :user", Map.of("user", userId));
    }

    /** Every token of every staff member, newest first (for administrators). */
    public List<Token> all() {
        return query("", Map.of());
    }

    private List<Token> query(String where, Map<String, Object> binds) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery("""
                    SELECT t.id, t.user_id, u.email, t.name, t.scopes, t.created_at, t.expires_at, t.revoked_at,
                        t.last_used_at, t.last_used_address
                    FROM api_tokens t JOIN users u ON u.id = t.user_id""" + " " + where + " ORDER BY t.id DESC LIMIT 500");
            binds.forEach(query::bind);
            return query.map((rs, ctx) -> new Token(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            scopes(rs.getString(5)),
                            Instant.ofEpochMilli(rs.getLong(6)),
                            Instant.ofEpochMilli(rs.getLong(7)),
                            instant(rs.getObject(8)),
                            instant(rs.getObject(9)),
                            rs.getString(10)))
                    .list();
        });
    }

    private static Set<Scope> scopes(String codes) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String code : codes.split(" ")) Scope.of(code).ifPresent(scopes::add);
        return scopes;
    }

    private static Instant instant(Object millis) {
        return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
    }
}
