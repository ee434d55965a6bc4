package org.wargeys.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wargeys.testsupport.WebhookReceiver.eventually;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.wargeys.article.ArticleDraft;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;
import org.wargeys.testsupport.WebhookReceiver;

/**
 * Two nodes on one PostgreSQL database deliver each event exactly once: events queued on both nodes
 * while the endpoint is paused pile up; on resume both nodes' workers (and two more threads on each,
 * calling them directly) race for the same deliveries, and the receiver gets each message once.
 */
class WebhookClusterIT {

    // Each publication costs about half a second on two PostgreSQL nodes (index, purge, notification).
    static final int EVENTS = 16;

    @Test
    void two_nodes_deliver_every_event_once() throws Exception {
        TestSite first =
                TestSite.start(DatabaseKind.POSTGRESQL, false, Map.of("webhook.allow_private_targets", "true"));
        TestSite second = first.secondNode();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            var endpoints = first.wiring().webhooks().endpoints();
            var endpoint = endpoints.register(
                    receiver.url("/hook"), "two nodes", Set.of(EventType.ARTICLE_PUBLISHED), Actor.TERMINAL);
            endpoints.pause(endpoint.id(), Actor.TERMINAL);
            for (int i = 0; i < EVENTS; i++) {
                TestSite node = i % 2 == 0 ? first : second;
                var articles = node.wiring().articles().service();
                var draft = articles.createDraft(
                        new ArticleDraft("en", null, "Bulletin " + i, null, null, null, "Text.", null, null, null),
                        Actor.TERMINAL);
                articles.publish(draft.id(), Actor.TERMINAL);
            }
            assertThat(receiver.received()).isEmpty();

            second.wiring().webhooks().endpoints().resume(endpoint.id(), Actor.TERMINAL);
            var threads = Executors.newFixedThreadPool(4);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (TestSite node : List.of(first, second, first, second)) {
                Callable<Integer> run = () -> {
                    go.await();
                    return node.wiring().webhooks().deliverDue();
                };
                runs.add(threads.submit(run));
            }
            go.countDown();
            for (var run : runs) run.get();
            threads.shutdown();
            eventually(() -> receiver.received().size() >= EVENTS);
            // A node's background worker may have sent the last one: its count follows its answer.
            eventually(() -> first.wiring().webhooks().attempts()
                            + second.wiring().webhooks().attempts()
                    >= EVENTS);

            Map<String, Long> perMessage = receiver.received().stream()
                    .collect(Collectors.groupingBy(r -> r.header("webhook-id"), Collectors.counting()));
            assertThat(perMessage).hasSize(EVENTS);
            assertThat(perMessage.values()).allMatch(n -> n == 1);
            assertThat(receiver.received()).hasSize(EVENTS);
            assertThat(first.wiring().webhooks().attempts()
                            + second.wiring().webhooks().attempts())
                    .isEqualTo(EVENTS);
            assertThat(first.wiring().webhooks().attempts())
                    .as("both nodes took part")
                    .isPositive();
            assertThat(second.wiring().webhooks().attempts())
                    .as("both nodes took part")
                    .isPositive();
        } finally {
            second.deleteData();
            first.deleteData();
        }
    }
}
