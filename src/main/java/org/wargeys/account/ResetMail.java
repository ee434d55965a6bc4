package org.wargeys.account;

import org.wargeys.platform.Tx;

/**
 * Queues the mail that carries a password-reset link, on the transaction that made the link (the
 * newsroom writes it, in the staff member's language, through the mail outbox).
 */
@FunctionalInterface
public interface ResetMail {
    void queue(Tx tx, User user, String token);
}
