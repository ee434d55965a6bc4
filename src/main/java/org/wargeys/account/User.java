package org.wargeys.account;

import java.time.Instant;
import java.util.Set;

/**
 * A staff account. {@code languages} are the languages a translator may translate into (empty for
 * other roles); {@code mustChangePassword} is true while the account has a one-time password;
 * {@code disabled} is true for an account an administrator closed (it cannot sign in). Immutable.
 */
public record User(
        long id,
        String email,
        String displayName,
        Role role,
        Set<String> languages,
        Instant createdAt,
        boolean mustChangePassword,
        boolean disabled) {

    public User {
        languages = Set.copyOf(languages);
    }

    public boolean is(Role r) {
        return role == r;
    }

    public boolean active() {
        return !disabled;
    }
}
