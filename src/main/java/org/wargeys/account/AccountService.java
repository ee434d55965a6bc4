package org.wargeys.account;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.wargeys.platform.ConflictException;
import org.wargeys.platform.ValidationException;

/** Staff accounts: create them, check passwords (throttled), change roles, disable and enable them, list them. Thread-safe. */
public final class AccountService {

    private final Jdbi jdbi;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Clock clock;
    // Checked against when the email is unknown, so that a miss costs as long as a wrong password.
    private final String decoyHash;

    public AccountService(Jdbi jdbi, PasswordHasher hasher, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.users = new UserRepository(jdbi);
        this.hasher = hasher;
        this.throttle = new LoginThrottle(jdbi, clock);
        this.audit = audit;
        this.clock = clock;
        this.decoyHash = hasher.hash(Tokens.random());
    }

    /**
     * Creates an account.
     *
     * @param languages the languages a translator may translate into; ignored for other roles
     * @param actor who created it, for the audit log
     */
    public User create(
            String email, String displayName, Role role, Set<String> languages, String password, String actor) {
        String normalized = normalize(email);
        if (!normalized.matches("[^@\\s]+@[^@\\s]+")) {
            throw ValidationException.of("email", "'" + email + "' is not an email address.");
        }
        checkPassword(password);
        if (users.findByEmail(normalized).isPresent()) {
            throw ValidationException.of("email", "There already is an account for " + normalized + ".");
        }
        Set<String> assigned = role == Role.TRANSLATOR ? languages : Set.of();
        String name = displayName == null || displayName.isBlank() ? normalized : displayName.strip();
        long id = users.insert(normalized, name, hasher.hash(password), role, assigned, clock.instant());
        audit.record(actor, "user.create", normalized, role.code() + (assigned.isEmpty() ? "" : " " + assigned), null);
        return users.find(id).orElseThrow();
    }

    /** Checks a password, throttled per account and per network address; records the attempt. */
    public SignIn signIn(String email, String password, String address) {
        String normalized = normalize(email);
        if (throttle.blocked(normalized, address)) {
            audit.record(normalized, "login.throttled", null, null, address);
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
        throttle.record(normalized, address, ok);
        audit.record(
                normalized, ok ? "login.succeeded" : "login.failed", null, matches && !ok ? "disabled" : null, address);
        return ok ? new SignIn.Accepted(user.get()) : new SignIn.Refused();
    }

    /**
     * Creates an account with a random one-time password, to be replaced at first sign-in.
     *
     * @return the account and the password (shown once, stored only as a hash)
     */
    public OneTime createWithOneTimePassword(
            String email, String displayName, Role role, Set<String> languages, String actor) {
        String password = Tokens.random().substring(0, 20);
        User user = create(email, displayName, role, languages, password, actor);
        users.setPasswordHash(user.id(), hasher.hash(password), true);
        return new OneTime(users.find(user.id()).orElseThrow(), password);
    }

    /**
     * Gives an existing account a new random one-time password, to be replaced at its next sign-in
     * (an account that forgot its password, or one loaded from an export, which carries none), and
     * ends every session it had: whoever knew the old password is signed out too.
     */
    public OneTime resetWithOneTimePassword(String email, String actor) {
        User user = require(email);
        String password = Tokens.random().substring(0, 20);
        users.resetPassword(user.id(), hasher.hash(password));
        audit.record(actor, "user.password_reset", user.email(), null, null);
        return new OneTime(users.find(user.id()).orElseThrow(), password);
    }

    /** Makes the account choose a new password at its next sign-in (the password was set by someone else). */
    public void requirePasswordChange(long userId) {
        String hash = users.passwordHash(userId).orElseThrow(() -> ValidationException.of("user", "No such user."));
        users.setPasswordHash(userId, hash, true);
    }

    /** A new account and its one-time password. */
    public record OneTime(User user, String password) {}

    /** A staff member replaces their password; the current one must be given. */
    public void changeOwnPassword(long userId, String current, String replacement, String address) {
        User user = find(userId).orElseThrow(() -> ValidationException.of("user", "No such user."));
        String hash = users.passwordHash(userId).orElseThrow();
        if (current == null || current.length() > PasswordHasher.MAX_LENGTH || !hasher.matches(current, hash)) {
            throw ValidationException.of("current", "The current password is wrong.");
        }
        checkPassword(replacement);
        if (replacement.equals(current))
            throw ValidationException.of("password", "Choose a password different from the current one.");
        users.setPasswordHash(userId, hasher.hash(replacement), false);
        audit.record(user.email(), "user.password", user.email(), null, address);
    }

    /**
     * Gives an account another role and, for a translator, the languages they translate into (other
     * roles have none). The last active administrator keeps their role.
     *
     * @throws ValidationException if there is no such account
     * @throws ConflictException if the account is the last active administrator and would stop being one
     */
    public User changeRole(long userId, Role role, Set<String> languages, String actor, String address) {
        Set<String> assigned = role == Role.TRANSLATOR ? Set.copyOf(languages) : Set.of();
        return guarded(h -> {
            User user = users.find(h, userId)
                    .orElseThrow(() -> ValidationException.of("user", "There is no such account."));
            if (user.role() == role && user.languages().equals(assigned)) return user;
            if (role != Role.ADMINISTRATOR) keepOneAdministrator(h, user);
            users.setRole(h, userId, role, assigned);
            String detail = user.role().code() + " → " + role.code()
                    + (assigned.isEmpty() ? "" : " " + new java.util.TreeSet<>(assigned));
            audit.record(h, actor, "user.role", user.email(), detail, address);
            return users.find(h, userId).orElseThrow();
        });
    }

    /**
     * Disables an account (a journalist left): it can no longer sign in, and every session it has
     * ends at once. Its articles, bylines and history stay. Disabling a disabled account changes nothing.
     *
     * @throws ConflictException if the account is the last active administrator
     */
    public User disable(long userId, String actor, String address) {
        return guarded(h -> {
            User user = users.find(h, userId)
                    .orElseThrow(() -> ValidationException.of("user", "There is no such account."));
            if (user.disabled()) return user;
            keepOneAdministrator(h, user);
            users.disable(h, userId, clock.instant());
            audit.record(h, actor, "user.disable", user.email(), null, address);
            return users.find(h, userId).orElseThrow();
        });
    }

    /** Lets a disabled account sign in again, with the role and password it had. */
    public User enable(long userId, String actor, String address) {
        return guarded(h -> {
            User user = users.find(h, userId)
                    .orElseThrow(() -> ValidationException.of("user", "There is no such account."));
            if (user.active()) return user;
            users.enable(h, userId);
            audit.record(h, actor, "user.enable", user.email(), null, address);
            return users.find(h, userId).orElseThrow();
        });
    }

    /** The account with this email, or a validation error naming it. */
    public User require(String email) {
        return findByEmail(email)
                .orElseThrow(() -> ValidationException.of("email", "There is no account " + normalize(email) + "."));
    }

    private void keepOneAdministrator(Handle h, User user) {
        if (user.role() == Role.ADMINISTRATOR && user.active() && users.countActiveAdministrators(h) <= 1) {
            throw new ConflictException(
                    user.email() + " is the last active administrator; make another account an administrator first.");
        }
    }

    /**
     * Runs a change that must leave one active administrator. Serializable, so that two
     * administrators demoting each other at the same moment cannot both succeed: on PostgreSQL
     * the loser gets a serialization failure, answered as a conflict.
     */
    private User guarded(org.jdbi.v3.core.HandleCallback<User, RuntimeException> change) {
        try {
            return jdbi.inTransaction(TransactionIsolationLevel.SERIALIZABLE, change);
        } catch (JdbiException e) {
            if (e.getCause() instanceof SQLException sql && "40001".equals(sql.getSQLState())) {
                throw new ConflictException("Another change to the accounts was made at the same moment; try again.");
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
                    "password", "A password has at least " + PasswordHasher.MIN_LENGTH + " characters.");
        }
        if (password.length() > PasswordHasher.MAX_LENGTH) {
            throw ValidationException.of(
                    "password", "A password has at most " + PasswordHasher.MAX_LENGTH + " characters.");
        }
    }

    private static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
