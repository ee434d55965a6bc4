package org.wargeys.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/**
 * Two nodes on one PostgreSQL database send each message exactly once: mail queued on both nodes
 * (which have no relay of their own, so it waits) is raced for by two workers on each node, each with
 * the node's own connection pool, and GreenMail receives every Message-ID once.
 */
class MailClusterIT {

    static final int MESSAGES = 40;

    @Test
    void two_nodes_send_every_message_once() throws Exception {
        TestSite first = TestSite.start(DatabaseKind.POSTGRESQL, false, Map.of());
        TestSite second = first.secondNode();
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        try {
            for (int i = 0; i < MESSAGES; i++) {
                TestSite node = i % 2 == 0 ? first : second;
                String to = "reader" + i + "@example.org";
                node.wiring()
                        .platform()
                        .transactions()
                        .run(tx -> node.wiring()
                                .mail()
                                .outbox()
                                .queue(tx, new OutgoingMail("mail-test", null, to, "en", "Race", "Text.", null, null)));
            }
            MailSettings settings = MailSettings.of(
                    Map.of(
                            "mail.smtp.host", "127.0.0.1",
                            "mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()),
                            "mail.smtp.security", "none"),
                    "Warsoor",
                    "http://warsoor.test");
            List<MailWorker> workers = new ArrayList<>();
            for (TestSite node : List.of(first, second, first, second)) {
                var platform = node.wiring().platform();
                workers.add(new MailWorker(
                        platform.database(),
                        platform.transactions(),
                        settings,
                        Clock.fixed(TestSite.NOW, ZoneOffset.UTC)));
            }
            var threads = Executors.newFixedThreadPool(workers.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (MailWorker worker : workers) {
                Callable<Integer> run = () -> {
                    go.await();
                    return worker.sendDue();
                };
                runs.add(threads.submit(run));
            }
            go.countDown();
            List<Integer> perWorker = new ArrayList<>();
            for (var run : runs) perWorker.add(run.get());
            threads.shutdown();
            workers.forEach(MailWorker::close);

            assertThat(perWorker.stream().mapToInt(Integer::intValue).sum()).isEqualTo(MESSAGES);
            assertThat(perWorker.get(0) + perWorker.get(2))
                    .as("the first node took part")
                    .isPositive();
            assertThat(perWorker.get(1) + perWorker.get(3))
                    .as("the second node took part")
                    .isPositive();
            Map<String, Long> perMessageId = Arrays.stream(smtp.getReceivedMessages())
                    .collect(Collectors.groupingBy(
                            m -> {
                                try {
                                    return m.getMessageID();
                                } catch (MessagingException e) {
                                    throw new IllegalStateException(e);
                                }
                            },
                            Collectors.counting()));
            assertThat(perMessageId).hasSize(MESSAGES);
            assertThat(perMessageId.values()).allMatch(n -> n == 1);
        } finally {
            smtp.stop();
            second.deleteData();
            first.deleteData();
        }
    }
}
