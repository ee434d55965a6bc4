package org.wargeys.account;

import java.time.Instant;

/**
 * A signed-in browser: whose it is and the CSRF token every form it posts must carry. Immutable.
 *
 * @param tokenHash the SHA-256 of the cookie's token, which is what identifies the session in storage
 */
public record Session(String tokenHash, User user, String csrfToken, Instant createdAt, Instant lastSeenAt) {}
