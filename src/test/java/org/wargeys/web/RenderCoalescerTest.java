package org.wargeys.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One render of an address at a time; the others wait for it, or render themselves if it takes too long. */
class RenderCoalescerTest {

    @Test
    void the_first_caller_leads_and_the_next_waits_until_it_is_done() throws Exception {
        RenderCoalescer renders = new RenderCoalescer(60_000);
        RenderCoalescer.Lead lead = renders.leadOrWait("/en/");
        assertThat(lead).isNotNull();

        CompletableFuture<RenderCoalescer.Lead> follower =
                CompletableFuture.supplyAsync(() -> renders.leadOrWait("/en/"));
        // The follower is seen inside its wait, not merely not started yet.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (renders.waiting() == 0) {
            assertThat(System.nanoTime())
                    .as("the follower never started waiting")
                    .isLessThan(deadline);
            Thread.onSpinWait();
        }
        assertThat(follower).as("waits while the lead renders").isNotDone();

        assertThat(renders.leadOrWait("/so/"))
                .as("another address is not held up")
                .isNotNull();

        lead.close();
        assertThat(follower.get(10, TimeUnit.SECONDS))
                .as("told to read the cache, not to render")
                .isNull();
        RenderCoalescer.Lead next = renders.leadOrWait("/en/");
        assertThat(next).as("after a render, the next miss leads again").isNotNull();
        next.close();
    }

    @Test
    void a_render_that_takes_too_long_is_not_waited_for_forever() {
        RenderCoalescer renders = new RenderCoalescer(50);
        RenderCoalescer.Lead stuck = renders.leadOrWait("/en/");
        long started = System.nanoTime();
        assertThat(renders.leadOrWait("/en/")).isNull();
        assertThat(System.nanoTime() - started)
                .as("gave up after its wait")
                .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        stuck.close();
        assertThat(renders.rendering()).isZero();
    }
}
