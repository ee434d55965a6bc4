package org.wargeys.account;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditLog;
import org.wargeys.platform.ConflictException;
import org.wargeys.platform.Database;
import org.wargeys.platform.Transactions;
import org.wargeys.platform.Tx;
import org.wargeys.platform.ValidationException;

/**
 * Staff accounts: create them, check passwords (throttled), change passwords and roles, disable and
 * enable them, list them. Every change is one transaction with its audit line; password hashing, the
 * slow part, happens before it. Thread-safe.
 */
public final class AccountService {

    private final UserRepository users;
    private final Transactions transactions;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Clock clock;
    // Checked against when the email is unknown, so that a miss costs as long as a wrong password.
    private final String decoyHash;

    AccountService(Database database, Transactions transactions, PasswordHasher hasher, AuditLog audit, Clock clock) {
        this.users = new UserRepository(database.jdbi());
        this.transactions = transactions;
        this.hasher = hasher;
        this.throttle = new LoginThrottle(database.jdbi(), clock);
        this.audit = audit;
        this.clock = clock;
        this.decoyHash = hasher.hash(Tokens.random());
    }

    /**
     * Creates an account with the password given (the staff member's own).
     *
     * @param languages the languages a translator may translate into; ignored for other roles
     */
    public User create(
            String email, String displayName, Role role, Set<String> languages, String password, Actor actor) {
        return create(email, displayName, role, languages, password, false, actor);
    }

    /**
     * Creates an account.
     *
     * @param oneTime the password was chosen by someone else: it serves once, for the first sign-in
     */
    public User create(
            String email,
            String displayName,
            Role role,
            Set<String> languages,
            String password,
            boolean oneTime,
            Actor actor) {
        String normalized = normalize(email);
        if (!normalized.matches("[^@\\s]+@[^@\\s]+")) {
            throw ValidationException.of(
                    "email", "account.error.email_invalid", Map.of("email", String.valueOf(email)));
        }
        checkPassword(password);
        String hash = hasher.hash(password);
        Set<String> assigned = role == Role.TRANSLATOR ? Set.copyOf(languages) : Set.of();
        String name = displayName == null || displayName.isBlank() ? normalized : displayName.strip();
        return transactions.write(tx -> {
            if (users.findByEmail(tx.handle(), normalized).isPresent()) {
                throw ValidationException.of("email", "account.error.email_taken", Map.of("email", normalized));
            }
            long id = users.insert(tx.handle(), normalized, name, hash, role, assigned, oneTime, clock.instant());
            audit.record(
                    tx,
                    actor,
                    "user.create",
                    normalized,
                    role.code() + (assigned.isEmpty() ? "" : " " + new TreeSet<>(assigned)));
            return users.find(tx.handle(), id).orElseThrow();
        });
    }

    /** Checks a password, throttled per account and per network address; records the attempt. */
    public SignIn signIn(String email, String password, String address) {
        String normalized = normalize(email);
        Actor actor = new Actor(null, normalized.isEmpty() ? "?" : normalized, address);
        if (throttle.blocked(normalized, address)) {
            audit.record(actor, "login.throttled", null, null);
            return new SignIn.Throttled();
        }
        Optional<User> user = users.findByEmail(normalized);
        String hash = user.flatMap(u -> users.passwordHash(u.id())).orElse(decoyHash);
        boolean matches = password != null
                && password.length() <= PasswordHasher.MAX_LENGTH
                && hasher.matches(password, hash)
                && user.isPresent();
        // A disabled account is refused exactly like a wrong password, so nobody learns it exists;
        // only the audit log (administrators) says why.
        boolean ok = matches && user.get().active();
        transactions.run(tx -> {
            throttle.record(tx.handle(), normalized, address, ok);
            audit.record(tx, actor, ok ? "login.succeeded" : "login.failed", null, matches && !ok ? "disabled" : null);
        });
        return ok ? new SignIn.Accepted(user.get()) : new SignIn.Refused();
    }

    /**
     * Creates an account with a random one-time password, to be replaced at first sign-in.
     *
     * @return the account and the password (shown once, stored only as a hash)
     */
    public OneTime createWithOneTimePassword(
            String email, String displayName, Role role, Set<String> languages, Actor actor) {
        String password = Tokens.random().substring(0, 20);
        User user = create(email, displayName, role, languages, password, true, actor);
        return new OneTime(user, password);
    }

    /**
     * Gives an existing account a new random one-time password, to be replaced at its next sign-in
     * (an account that forgot its password, or one loaded from an export, which carries none), and
     * ends every session it had: whoever knew the old password is signed out too.
     */
    public OneTime resetWithOneTimePassword(String email, Actor actor) {
        User user = require(email);
        String password = Tokens.random().substring(0, 20);
        String hash = hasher.hash(password);
        User reset = transactions.write(tx -> {
            users.setPassword(tx.handle(), user.id(), hash, true);
            audit.record(tx, actor, "user.password_reset", user.email(), null);
            return users.find(tx.handle(), user.id()).orElseThrow();
        });
        return new OneTime(reset, password);
    }

    /** A new account and its one-time password. */
    public record OneTime(User user, String password) {}

    /** How long a password-reset link works. */
    public static final java.time.Duration RESET_LINK_FOR = java.time.Duration.ofHours(1);

    /** No second reset mail to an account within this time. */
    static final java.time.Duration RESET_COOLDOWN = java.time.Duration.ofMinutes(10);

    /**
     * "Forgot password": makes a single-use link for the active account with this address and queues
     * its mail on the same transaction. Whether or not such an account exists, the caller answers the
     * same (nothing is returned); no second link is made within {@link #RESET_COOLDOWN}.
     */
    public void requestPasswordReset(String email, ResetMail mail) {
        if (email == null || email.isBlank() || email.length() > 254) return;
        String address = email.strip().toLowerCase(java.util.Locale.ROOT);
        long now = clock.millis();
        transactions.run(tx -> {
            var user = users.findByEmail(tx.handle(), address).filter(User::active);
            if (user.isEmpty()) return;
            int recent = tx.handle()
                    .createQuery("SELECT COUNT(*) FROM password_resets WHERE user_id = :id AND created_at > :since")
                    .bind("id", user.get().id())
                    .bind("since", now - RESET_COOLDOWN.toMillis())
                    .mapTo(Integer.class)
                    .one();
            if (recent > 0) return;
            String token = Tokens.random();
            tx.handle()
                    .createUpdate("""
                            INSERT INTO password_resets (user_id, token_hash, created_at, expires_at)
                            VALUES (:id, :hash, :now, :expires)""")
                    .bind("id", user.get().id())
                    .bind("hash", Tokens.sha256(token))
                    .bind("now", now)
                    .bind("expires", now + RESET_LINK_FOR.toMillis())
                    .execute();
            audit.record(
                    tx,
                    Actor.SYSTEM,
                    "user.password_reset_requested",
                    user.get().email(),
                    null);
            mail.queue(tx, user.get(), token);
        });
    }

    /** How long an invitation's link works. */
    public static final java.time.Duration INVITATION_FOR = java.time.Duration.ofDays(7);

    /**
     * Invites a colleague by mail: the account is made with a password nobody knows, and a link to
     * choose one (the password-reset link, valid {@link #INVITATION_FOR}, single-use) is queued by
     * {@code mail} on the same transaction: no account without its invitation, no invitation without
     * its account.
     */
    public User invite(
            String email, String displayName, Role role, Set<String> languages, Actor actor, ResetMail mail) {
        String normalized = normalize(email);
        if (!normalized.matches("[^@\\s]+@[^@\\s]+")) {
            throw ValidationException.of(
                    "email", "account.error.email_invalid", Map.of("email", String.valueOf(email)));
        }
        String hash = hasher.hash(Tokens.random());
        Set<String> assigned = role == Role.TRANSLATOR ? Set.copyOf(languages) : Set.of();
        String name = displayName == null || displayName.isBlank() ? normalized : displayName.strip();
        long now = clock.millis();
        return transactions.write(tx -> {
            if (users.findByEmail(tx.handle(), normalized).isPresent()) {
                throw ValidationException.of("email", "account.error.email_taken", Map.of("email", normalized));
            }
            long id = users.insert(tx.handle(), normalized, name, hash, role, assigned, true, clock.instant());
            audit.record(
                    tx,
                    actor,
                    "user.invite",
                    normalized,
                    role.code() + (assigned.isEmpty() ? "" : " " + new TreeSet<>(assigned)));
            User user = users.find(tx.handle(), id).orElseThrow();
            String token = Tokens.random();
            tx.handle()
                    .createUpdate("""
                            INSERT INTO password_resets (user_id, token_hash, created_at, expires_at)
                            VALUES (:id, :hash, :now, :expires)""")
                    .bind("id", id)
                    .bind("hash", Tokens.sha256(token))
                    .bind("now", now)
                    .bind("expires", now + INVITATION_FOR.toMillis())
                    .execute();
            mail.queue(tx, user, token);
            return user;
        });
    }

    /** The account a reset link is for, while the link works (unused, in time, the account active). */
    public Optional<User> passwordResetFor(String token) {
        if (token == null || token.length() > 100) return Optional.empty();
        return transactions.write(tx -> tx.handle()
                .createQuery("""
                        SELECT user_id FROM password_resets
                        WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""")
                .bind("hash", Tokens.sha256(token))
                .bind("now", clock.millis())
                .mapTo(Long.class)
                .findOne()
                .flatMap(id -> users.find(tx.handle(), id))
                .filter(User::active));
    }

    /**
     * Sets the password a reset link's holder chose; the link is used up and every session of the
     * account ends. Empty when the link does not work (any more).
     */
    public Optional<User> resetPassword(String token, String replacement, String repeat) {
        if (passwordResetFor(token).isEmpty()) return Optional.empty();
        if (replacement == null || !replacement.equals(repeat)) {
            throw ValidationException.of("repeat", "account.error.passwords_differ");
        }
        checkPassword(replacement);
        String hash = hasher.hash(replacement);
        long now = clock.millis();
        return transactions.write(tx -> {
            // Used up on this transaction: of two submissions of one link, one sets the password.
            Optional<Long> userId = tx.handle()
                    .createQuery("""
                            UPDATE password_resets SET used_at = :now
                            WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
                            RETURNING user_id""")
                    .bind("hash", Tokens.sha256(token))
                    .bind("now", now)
                    .mapTo(Long.class)
                    .findOne();
            if (userId.isEmpty()) return Optional.<User>empty();
            User user = users.find(tx.handle(), userId.get()).orElseThrow();
            users.setPassword(tx.handle(), user.id(), hash, false);
            audit.record(tx, Actor.SYSTEM, "user.password_reset_by_mail", user.email(), null);
            return users.find(tx.handle(), user.id());
        });
    }

    /**
     * A staff member replaces their password; the current one must be given. Every session of the
     * account ends with the change (the caller starts a fresh one for the browser that made it).
     */
    public User changeOwnPassword(long userId, String current, String replacement, String repeat, Actor actor) {
        User user = find(userId).orElseThrow(() -> ValidationException.of("user", "account.error.no_such_user"));
        String hash = users.passwordHash(userId).orElseThrow();
        ValidationException.Collector errors = ValidationException.collector();
        if (current == null || current.length() > PasswordHasher.MAX_LENGTH || !hasher.matches(current, hash)) {
            errors.add("current", "account.error.current_password_wrong");
        }
        if (replacement == null || !replacement.equals(repeat)) {
            errors.add("repeat", "account.error.passwords_differ");
        }
        errors.throwIfAny();
        checkPassword(replacement);
        if (replacement.equals(current)) throw ValidationException.of("password", "account.error.password_unchanged");
        String newHash = hasher.hash(replacement);
        return transactions.write(tx -> {
            users.setPassword(tx.handle(), userId, newHash, false);
            audit.record(tx, actor, "user.password", user.email(), null);
            return users.find(tx.handle(), userId).orElseThrow();
        });
    }

    /**
     * Gives an account another role and, for a translator, the languages they translate into (other
     * roles have none). The last active administrator keeps their role.
     *
     * @throws ValidationException if there is no such account
     * @throws ConflictException if the account is the last active administrator and would stop being one
     */
    public User changeRole(long userId, Role role, Set<String> languages, Actor actor) {
        Set<String> assigned = role == Role.TRANSLATOR ? Set.copyOf(languages) : Set.of();
        return guarded(tx -> {
            Handle h = tx.handle();
            User user = existing(h, userId);
            if (user.role() == role && user.languages().equals(assigned)) return user;
            if (role != Role.ADMINISTRATOR) keepOneAdministrator(h, user);
            users.setRole(h, userId, role, assigned);
            String detail = user.role().code() + " → " + role.code()
                    + (assigned.isEmpty() ? "" : " " + new TreeSet<>(assigned));
            audit.record(tx, actor, "user.role", user.email(), detail);
            return users.find(h, userId).orElseThrow();
        });
    }

    /**
     * Disables an account (a journalist left): it can no longer sign in, and every session it has
     * ends at once. Its articles, bylines and history stay. Disabling a disabled account changes nothing.
     *
     * @throws ConflictException if the account is the last active administrator
     */
    public User disable(long userId, Actor actor) {
        return guarded(tx -> {
            User user = existing(tx.handle(), userId);
            if (user.disabled()) return user;
            keepOneAdministrator(tx.handle(), user);
            users.disable(tx.handle(), userId, clock.instant());
            audit.record(tx, actor, "user.disable", user.email(), null);
            return users.find(tx.handle(), userId).orElseThrow();
        });
    }

    /** Lets a disabled account sign in again, with the role and password it had. */
    public User enable(long userId, Actor actor) {
        return guarded(tx -> {
            User user = existing(tx.handle(), userId);
            if (user.active()) return user;
            users.enable(tx.handle(), userId);
            audit.record(tx, actor, "user.enable", user.email(), null);
            return users.find(tx.handle(), userId).orElseThrow();
        });
    }

    /** The account with this email, or a validation error naming it. */
    public User require(String email) {
        return findByEmail(email)
                .orElseThrow(() ->
                        ValidationException.of("email", "account.error.no_account", Map.of("email", normalize(email))));
    }

    private User existing(Handle h, long userId) {
        return users.find(h, userId).orElseThrow(() -> ValidationException.of("user", "account.error.no_such_user"));
    }

    private void keepOneAdministrator(Handle h, User user) {
        if (user.role() == Role.ADMINISTRATOR && user.active() && users.countActiveAdministrators(h) <= 1) {
            throw new ConflictException("account.error.last_administrator", Map.of("email", user.email()));
        }
    }

    /**
     * Runs a change that must leave one active administrator. Serializable, so that two
     * administrators demoting each other at the same moment cannot both succeed: on PostgreSQL
     * the loser gets a serialization failure, answered as a conflict.
     */
    private User guarded(Function<Tx, User> change) {
        try {
            return transactions.writeSerializable(change);
        } catch (JdbiException e) {
            if (e.getCause() instanceof SQLException sql && "40001".equals(sql.getSQLState())) {
                throw new ConflictException("account.error.concurrent_change");
            }
            throw e;
        }
    }

    public Optional<User> find(long id) {
        return users.find(id);
    }

    public Optional<User> findByEmail(String email) {
        return users.findByEmail(normalize(email));
    }

    public List<User> all() {
        return users.all();
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < PasswordHasher.MIN_LENGTH) {
            throw ValidationException.of(
                    "password", "account.error.password_too_short", Map.of("min", PasswordHasher.MIN_LENGTH));
        }
        if (password.length() > PasswordHasher.MAX_LENGTH) {
            throw ValidationException.of(
                    "password", "account.error.password_too_long", Map.of("max", PasswordHasher.MAX_LENGTH));
        }
    }

    private static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
