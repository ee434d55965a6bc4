package org.wargeys.account;

import org.wargeys.platform.Platform;

/** Staff accounts and their sessions; passwords hashed with Argon2id at the configured cost. */
public final class AccountModule {

    private final AccountService accounts;
    private final SessionService sessions;

    public AccountModule(Platform platform) {
        var config = platform.config();
        this.accounts = new AccountService(
                platform.database(),
                platform.transactions(),
                new PasswordHasher(config.passwordMemoryKib(), config.passwordIterations()),
                platform.audit(),
                platform.clock());
        this.sessions = new SessionService(platform.database().jdbi(), platform.clock());
    }

    public AccountService accounts() {
        return accounts;
    }

    public SessionService sessions() {
        return sessions;
    }
}
