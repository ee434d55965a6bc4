package org.wargeys.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.article.ArticleDraft;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/**
 * The search index kept in step with the database by events, and rebuilt when broken, on each
 * database. The tests that only search share one demo site per database; those that break the index
 * and restart take a site of their own.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIndexIT {

    @Parameter
    DatabaseKind kind;

    /** Searched, and given articles of its own by a test, never restarted. */
    TestSite shared;

    @BeforeParameterizedClassInvocation
    void startSharedSite() {
        shared = TestSite.start(kind);
    }

    @AfterParameterizedClassInvocation
    void deleteSharedSite() {
        if (shared != null) shared.deleteData();
    }

    @Test
    void a_published_article_is_searchable_when_publish_returns_and_gone_when_unpublished() {
        var articles = shared.wiring().articles().service();
        var draft = articles.createDraft(
                new ArticleDraft(
                        "en",
                        null,
                        "Drought grips the Bay region",
                        null,
                        "Farmers in Baidoa count their losses.",
                        null,
                        "The rains failed for a third season.",
                        null,
                        null,
                        null),
                Actor.TERMINAL);
        assertThat(ids(shared, "en", "drought")).doesNotContain(draft.id());

        articles.publish(draft.id(), Actor.TERMINAL);
        assertThat(ids(shared, "en", "drought")).containsExactly(draft.id());
        assertThat(ids(shared, "en", "droughts rains")).containsExactly(draft.id());

        articles.unpublish(draft.id(), Actor.TERMINAL);
        assertThat(ids(shared, "en", "drought")).isEmpty();
    }

    @Test
    void the_demo_articles_are_found_in_their_own_language_only() {
        long english = shared.wiring()
                .articles()
                .service()
                .findPublished("en", "iran-vows-soleimani-revenge")
                .orElseThrow()
                .id();
        long somali = shared.wiring()
                .articles()
                .service()
                .findPublished("so", "iran-oo-ballan-qaaday")
                .orElseThrow()
                .id();
        assertThat(ids(shared, "en", "revenge")).containsExactly(english);
        assertThat(ids(shared, "en", "assassinations")).containsExactly(english);
        assertThat(ids(shared, "en", "assasination")).as("one letter missing").containsExactly(english);
        // "hoggaamiye" (leader) finds "Hoggaamiyeyaasha" and "Hoggaamiyaha"; "dil" (killing) finds "dilkiisa".
        assertThat(ids(shared, "so", "hoggaamiye")).containsExactly(somali);
        assertThat(ids(shared, "so", "dilka Soleimani")).containsExactly(somali);
        assertThat(ids(shared, "so", "revenge")).isEmpty();
        assertThat(ids(shared, "ar", "Iran")).isEmpty();
    }

    @Test
    void a_corrupt_index_is_rebuilt_on_start_while_the_site_serves() throws Exception {
        try (var test = new Site(kind)) {
            TestSite site = test.site;
            site.close();
            Path index = site.dataDir().resolve("search-index");
            try (Stream<Path> files = Files.list(index)) {
                for (Path file : files.toList()) Files.write(file, "not an index".getBytes());
            }

            test.site = site.restart();

            assertThat(test.site.get("/en/").statusCode()).isEqualTo(200);
            assertThat(test.site.wiring().search().indexer().rebuilding().get()).isEqualTo(2);
            assertThat(ids(test.site, "en", "revenge")).hasSize(1);
            assertThat(ids(test.site, "so", "Soleimani")).hasSize(1);
        }
    }

    @Test
    void a_missing_index_is_rebuilt_and_marked_complete() throws Exception {
        try (var test = new Site(kind)) {
            TestSite site = test.site;
            site.close();
            org.wargeys.testsupport.TestFiles.deleteTree(site.dataDir().resolve("search-index"));

            test.site = site.restart();
            test.site.wiring().search().indexer().rebuilding().get();
            assertThat(ids(test.site, "en", "Soleimani")).hasSize(1);

            test.site = test.site.restart();
            assertThat(test.site.wiring().search().index().needsRebuild()).isFalse();
            assertThat(ids(test.site, "en", "Soleimani")).hasSize(1);
        }
    }

    private static List<Long> ids(TestSite site, String language, String text) {
        return site.wiring().search().index().search(SearchQuery.of(language, text)).hits().stream()
                .map(SearchHit::articleId)
                .toList();
    }

    /**
     * A site of the test's own, for a test that breaks the index and restarts: closed and deleted even
     * when restarted inside the test.
     */
    private static final class Site implements AutoCloseable {
        TestSite site;

        Site(DatabaseKind kind) {
            site = TestSite.start(kind);
        }

        @Override
        public void close() {
            site.deleteData();
        }
    }
}
