package org.wargeys.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wargeys.account.Role;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleDraft;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestSite;

/**
 * Two nodes on one PostgreSQL database, each with its own page cache: a reader polling one node sees
 * an entry posted, edited or deleted on the other, because {@link LiveBlogChanged} is a shared event
 * and each node purges its own kept answers. Delivery is asynchronous, so the reader's node is polled;
 * the deadline only bounds a failing test; each wait is printed (the figure in docs/performance.md).
 *
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveClusterIT {

    static final Duration DEADLINE = Duration.ofSeconds(20);
    static final ObjectMapper JSON = new ObjectMapper();

    TestSite node1;
    TestSite node2;
    StaffClient editorOnNode1;
    StaffClient editorOnNode2;

    @BeforeAll
    void startNodes() throws Exception {
        node1 = TestSite.start(DatabaseKind.POSTGRESQL);
        node2 = node1.secondNode();
        assertThat(node1.wiring().platform().cluster().awaitListening(10, TimeUnit.SECONDS))
                .isTrue();
        assertThat(node2.wiring().platform().cluster().awaitListening(10, TimeUnit.SECONDS))
                .isTrue();
        node1.wiring()
                .accounts()
                .accounts()
                .create("editor@example.org", "Edna", Role.EDITOR, Set.of(), "correct horse battery", Actor.TERMINAL);
        editorOnNode1 = StaffClient.signIn(node1, "editor@example.org", "correct horse battery");
        editorOnNode2 = StaffClient.signIn(node2, "editor@example.org", "correct horse battery");
    }

    @AfterAll
    void deleteNodes() {
        if (node2 != null) node2.deleteData();
        if (node1 != null) node1.deleteData();
    }

    @Test
    void an_entry_posted_on_one_node_reaches_a_reader_polling_the_other() throws Exception {
        var articles = node1.wiring().articles().service();
        Article draft = articles.createDraft(
                new ArticleDraft(
                        "en", null, "Cluster coverage", null, null, null, "Background.", "world", List.of(), List.of()),
                Actor.TERMINAL);
        Article article = articles.publish(draft.id(), Actor.TERMINAL);
        long purges = node2.wiring().web().pageCache().purges();
        assertThat(editorOnNode1
                        .post("/admin/articles/" + article.id() + "/live/start", Map.of())
                        .statusCode())
                .isEqualTo(303);
        String poll = "/en/live/" + article.id();
        String page = node1.wiring().articles().paths().path(article);
        // The coverage's start reached node 2 (it purged): from now on what it keeps is live.
        eventually(() -> node2.wiring().web().pageCache().purges() > purges);
        node2.get(poll);
        assertThat(node2.get(poll).headers().firstValue("X-Cache")).hasValue("HIT");
        node2.get(page);
        assertThat(node2.get(page).headers().firstValue("X-Cache")).hasValue("HIT");

        assertThat(editorOnNode1
                        .post(
                                "/admin/articles/" + article.id() + "/live/entries",
                                Map.of("text", "Posted on node one."))
                        .statusCode())
                .isEqualTo(303);
        eventually(() -> node2.get(poll).body().contains("Posted on node one."));
        eventually(() -> Jsoup.parse(node2.get(page).body())
                .select("#live-entries > article")
                .text()
                .contains("Posted on node one."));

        // An edit made on node 2 reaches a reader of node 1, and so does a delete.
        long entry = node2.wiring()
                .live()
                .reads()
                .entries(
                        node2.wiring()
                                .live()
                                .reads()
                                .blog(article.translationGroupId())
                                .orElseThrow(),
                        "en",
                        null,
                        1)
                .get(0)
                .id();
        node1.get(poll);
        assertThat(node1.get(poll).headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(editorOnNode2
                        .post("/admin/live-entries/" + entry, Map.of("text", "Edited on node two."))
                        .statusCode())
                .isEqualTo(303);
        eventually(() -> node1.get(poll).body().contains("Edited on node two."));
        assertThat(editorOnNode2
                        .post("/admin/live-entries/" + entry + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(303);
        eventually(() -> {
            try {
                return JSON.readTree(node1.get(poll).body()).path("entries").isEmpty();
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** Polls (every 20 ms) until the condition holds; logs how long the other node took, for docs/live.md. */
    private static void eventually(BooleanSupplier condition) {
        Instant start = Instant.now();
        Instant deadline = start.plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now())
                    .as("the other node caught up before the deadline")
                    .isBefore(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        System.out.printf(
                "LiveClusterIT: the other node showed the change after %d ms%n",
                java.time.Duration.between(start, Instant.now()).toMillis());
    }
}
