package org.wargeys.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Hashes and checks passwords with Argon2id (a random 16-byte salt each, the cost encoded in the
 * hash so that raising it later still verifies old hashes). Thread-safe.
 */
final class PasswordHasher {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 1_000;

    private final Argon2Function function;

    public PasswordHasher(int memoryKib, int iterations) {
        this.function = Argon2Function.getInstance(memoryKib, iterations, 1, 32, Argon2.ID);
    }

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(function).getResult();
    }

    public boolean matches(String password, String hash) {
        if (password == null || hash == null || !hash.startsWith("$argon2id$")) return false;
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
