package org.wargeys.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleDraft;
import org.wargeys.search.SearchQuery;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/**
 * Two nodes on one PostgreSQL database, each with its own page cache and search index: a change made
 * on one reaches the other's cache and index. Delivery is asynchronous (a notification on commit), so
 * the second node is polled; the deadline only bounds a failing test, it measures nothing. The tests
 * share one pair of nodes, but for the one that cuts their connections, which starts a pair of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterEventsIT {

    static final String EN = "/en/2020/12/iran-vows-soleimani-revenge";
    static final Duration DEADLINE = Duration.ofSeconds(20);

    /** The nodes the running test uses: the shared pair, or its own. */
    TestSite node1;

    TestSite node2;

    private List<TestSite> shared;
    private List<TestSite> own;

    @BeforeAll
    void startSharedNodes() throws Exception {
        shared = startNodes();
    }

    @AfterAll
    void deleteSharedNodes() {
        if (shared != null) delete(shared);
    }

    @BeforeEach
    void useSharedNodes() {
        node1 = shared.get(0);
        node2 = shared.get(1);
    }

    @AfterEach
    void deleteOwnNodes() {
        if (own != null) delete(own);
        own = null;
    }

    /** Gives the running test two freshly started nodes of its own, deleted after it. */
    private void useOwnNodes() throws Exception {
        own = startNodes();
        node1 = own.get(0);
        node2 = own.get(1);
    }

    private static List<TestSite> startNodes() throws Exception {
        TestSite first = TestSite.start(DatabaseKind.POSTGRESQL);
        TestSite second = first.secondNode();
        second.wiring().search().indexer().rebuilding().get();
        assertThat(first.wiring().platform().cluster().awaitListening(10, TimeUnit.SECONDS))
                .isTrue();
        assertThat(second.wiring().platform().cluster().awaitListening(10, TimeUnit.SECONDS))
                .isTrue();
        return List.of(first, second);
    }

    private static void delete(List<TestSite> nodes) {
        nodes.get(1).deleteData();
        nodes.get(0).deleteData();
    }

    @Test
    void an_edit_on_one_node_drops_the_cached_page_on_the_other_and_reaches_its_search_index() {
        node2.get(EN);
        assertThat(node2.get(EN).headers().firstValue("X-Cache")).hasValue("HIT");
        var articles = node1.wiring().articles().service();
        Article english =
                articles.findPublished("en", "iran-vows-soleimani-revenge").orElseThrow();
        Article fresh = articles.createDraft(
                new ArticleDraft(
                        "en",
                        null,
                        "Locust swarms reach Hiiraan",
                        null,
                        null,
                        null,
                        "Farmers in Beledweyne report locust swarms.",
                        "world",
                        List.of("iran"),
                        List.of("newsroom")),
                Actor.TERMINAL);

        articles.update(
                english.id(), english.revision(), edit(english, "Iran vows revenge (node one)"), Actor.TERMINAL);
        articles.publish(fresh.id(), Actor.TERMINAL);

        eventually(() -> Jsoup.parse(node2.get(EN).body()).select("h1").text().equals("Iran vows revenge (node one)"));
        eventually(
                () -> node2
                        .wiring()
                        .search()
                        .index()
                        .search(new SearchQuery("en", "locust", null, null, null, 1, 10))
                        .hits()
                        .stream()
                        .anyMatch(h -> h.articleId() == fresh.id()));

        articles.unpublish(fresh.id(), Actor.TERMINAL);
        eventually(() -> node2.wiring()
                .search()
                .index()
                .search(new SearchQuery("en", "locust", null, null, null, 1, 10))
                .hits()
                .isEmpty());
        assertThat(node1.get(EN).statusCode()).isEqualTo(200);
    }

    @Test
    void a_rename_on_one_node_reaches_the_other() {
        node2.get(EN);
        node1.wiring()
                .articles()
                .service()
                .defineSection("world", Map.of("en", "Planet", "so", "Adduunka"), Actor.TERMINAL);
        eventually(() ->
                Jsoup.parse(node2.get(EN).body()).select(".kicker a").text().equals("Planet"));
    }

    @Test
    void a_node_that_lost_its_connection_catches_up_with_what_it_missed() throws Exception {
        // Nodes of its own: it cuts every listening connection to the database and changes the demo
        // article behind the nodes' backs, which would leave the shared pair reconnecting under the
        // other tests.
        useOwnNodes();
        node2.get(EN);
        assertThat(node2.get(EN).headers().firstValue("X-Cache")).hasValue("HIT");
        var jdbi = node1.wiring().platform().database().jdbi();
        // A change whose notification node two never gets: written straight to the database, with its
        // journal entry, as every change readers can see is.
        jdbi.useTransaction(h -> {
            h.createUpdate(
                            "UPDATE articles SET headline = 'Changed while node two was deaf', body_html = '<p>Dromedaries in Galkayo.</p>' WHERE slug = 'iran-vows-soleimani-revenge'")
                    .execute();
            h.createUpdate(
                            "INSERT INTO article_changes (article_id, changed_at) SELECT id, 0 FROM articles WHERE slug = 'iran-vows-soleimani-revenge'")
                    .execute();
        });

        assertThat(Jsoup.parse(node2.get(EN).body()).select("h1").text())
                .as("nothing told node two yet")
                .isNotEqualTo("Changed while node two was deaf");
        long resyncsBefore = node2.wiring().platform().cluster().resyncs();

        // Cut every listening connection: each node reconnects and catches up.
        jdbi.useHandle(h -> h.createQuery(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()")
                .mapTo(Boolean.class)
                .list());
        eventually(() -> node2.wiring().platform().cluster().resyncs() > resyncsBefore);

        assertThat(Jsoup.parse(node2.get(EN).body()).select("h1").text())
                .as("the resync dropped the cached page")
                .isEqualTo("Changed while node two was deaf");
        eventually(() -> !node2.wiring().search().indexer().isRebuilding()
                && node2.wiring()
                                .search()
                                .index()
                                .search(new SearchQuery("en", "dromedaries", null, null, null, 1, 10))
                                .total()
                        > 0);
    }

    private ArticleDraft edit(Article article, String headline) {
        var details = node1.wiring().articles().service().details(article);
        return new ArticleDraft(
                article.language(),
                article.slug(),
                headline,
                article.dateline(),
                article.standfirst(),
                article.bodyFormat(),
                article.body(),
                details.section().map(s -> s.key()).orElse(null),
                details.tags().stream().map(t -> t.key()).toList(),
                details.authors().stream().map(a -> a.key()).toList());
    }

    private static void eventually(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(DEADLINE);
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
    }
}
