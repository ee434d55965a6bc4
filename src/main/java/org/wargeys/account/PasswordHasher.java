package org.wargeys.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Hashes and checks passwords with Argon2id (a random 16-byte salt each, the cost encoded in the
 * hash so that raising it later still verifies old hashes). Thread-safe.
 *
 * <p>Each hash takes its memory cost (19 MiB by default) for as long as it runs, so sixteen sign-ins
 * at once would take more than a 256 MB heap has. At most {@link #permits} hashes run at a time;
 * the rest wait their turn, however many arrive and from wherever: no burst of sign-ins or password
 * changes can exhaust memory.
 */
final class PasswordHasher {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 1_000;

    private final Argon2Function function;
    private final Semaphore running;
    private final int permits;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger peak = new java.util.concurrent.atomic.AtomicInteger();

    PasswordHasher(int memoryKib, int iterations) {
        this(memoryKib, iterations, permitsFor(memoryKib, Runtime.getRuntime().maxMemory(), cores()));
    }

    PasswordHasher(int memoryKib, int iterations, int permits) {
        this.function = Argon2Function.getInstance(memoryKib, iterations, 1, 32, Argon2.ID);
        this.permits = permits;
        this.running = new Semaphore(permits, true);
    }

    /**
     * How many hashes may run at once: no more than the cores (more would only queue inside the CPU),
     * and no more than a quarter of the heap can hold.
     */
    static int permitsFor(int memoryKib, long maxHeapBytes, int cores) {
        long perHash = (long) memoryKib * 1024;
        long fit = maxHeapBytes / 4 / Math.max(1, perHash);
        return (int) Math.max(1, Math.min(cores, fit));
    }

    String hash(String password) {
        return bounded(
                () -> Password.hash(password).addRandomSalt(16).with(function).getResult());
    }

    boolean matches(String password, String hash) {
        if (password == null || hash == null || !hash.startsWith("$argon2id$")) return false;
        return bounded(() -> {
            try {
                return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
            } catch (RuntimeException malformed) {
                return false;
            }
        });
    }

    /** How many hashes run at most at once. */
    int permits() {
        return permits;
    }

    /** The most hashes that ran at the same moment so far (tests check the bound holds). */
    int peak() {
        return peak.get();
    }

    private <T> T bounded(Supplier<T> work) {
        running.acquireUninterruptibly();
        try {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            return work.get();
        } finally {
            inFlight.decrementAndGet();
            running.release();
        }
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
