package org.wargeys.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void sixteen_hashes_at_once_all_succeed_and_never_more_than_the_permits_run_together() {
        PasswordHasher hasher = new PasswordHasher(1024, 1, 2);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Boolean>> runs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String password = "password number " + i;
                runs.add(CompletableFuture.supplyAsync(() -> hasher.matches(password, hasher.hash(password)), threads));
            }
            assertThat(runs).allSatisfy(run -> assertThat(run.join()).isTrue());
        } finally {
            threads.shutdownNow();
        }
        assertThat(hasher.peak()).isBetween(1, 2);
    }

    @Test
    void the_bound_follows_the_heap_and_the_cores() {
        long mib = 1024L * 1024;
        // The launcher's 256 MB heap, the default 19 MiB cost: three fit in a quarter of the heap.
        assertThat(PasswordHasher.permitsFor(19_456, 256 * mib, 2)).isEqualTo(2);
        assertThat(PasswordHasher.permitsFor(19_456, 256 * mib, 16)).isEqualTo(3);
        assertThat(PasswordHasher.permitsFor(19_456, 32 * mib, 16))
                .as("always at least one")
                .isEqualTo(1);
    }

    @Test
    void a_wrong_password_or_a_broken_hash_does_not_match() {
        PasswordHasher hasher = new PasswordHasher(1024, 1, 1);
        String hash = hasher.hash("correct horse battery");
        assertThat(hasher.matches("correct horse battery", hash)).isTrue();
        assertThat(hasher.matches("wrong horse battery", hash)).isFalse();
        assertThat(hasher.matches("correct horse battery", "$argon2id$broken")).isFalse();
        assertThat(hasher.matches("correct horse battery", "plain text")).isFalse();
    }
}
