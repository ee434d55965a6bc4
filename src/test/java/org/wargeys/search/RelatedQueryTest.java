package org.wargeys.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Related articles chosen by distinctive words, on a real index in a temporary directory. */
class RelatedQueryTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    // Words every article has: too common to say which articles are alike.
    private static final String COMMON = "government officials said statement week capital country ";

    @TempDir
    Path dir;

    @Test
    void the_article_sharing_the_subject_comes_first_and_common_words_do_not_count() {
        try (SearchIndex index = SearchIndex.open(dir, Clock.fixed(NOW, ZoneOffset.UTC))) {
            index.putAll(List.of(
                    article(
                            1,
                            1,
                            "en",
                            "Drought grips Baidoa farmers",
                            COMMON + "drought baidoa farmers harvest rains failed drought"),
                    article(
                            2,
                            2,
                            "en",
                            "Baidoa farmers count drought losses",
                            COMMON + "farmers baidoa drought livestock harvest"),
                    article(
                            3,
                            3,
                            "en",
                            "Election date announced",
                            COMMON + "election parliament vote ballot candidates"),
                    article(4, 4, "en", "Port expansion opens", COMMON + "port berbera ships cargo expansion"),
                    article(5, 5, "en", "Football league resumes", COMMON + "football league match goals stadium"),
                    article(6, 6, "en", "Shilling weakens", COMMON + "shilling dollar exchange market traders"),
                    article(7, 1, "so", "Abaar ka dhacday Baydhabo", "abaar baydhabo beeraley"),
                    article(8, 8, "en", "Hospital opens", COMMON + "hospital doctors patients clinic beds")));

            List<Long> related =
                    index.related(1, 4).stream().map(SearchHit::articleId).toList();

            assertThat(related).first().isEqualTo(2L);
            // Never itself nor its Somali translation; the common words alone match nothing else.
            assertThat(related).containsExactly(2L);
            // The teaser is read back whole from the index's card.
            SearchHit hit = index.related(1, 4).get(0);
            assertThat(hit.headline()).isEqualTo("Baidoa farmers count drought losses");
            assertThat(hit.path()).isEqualTo("/en/2026/11/a2");
            assertThat(hit.snippetHtml()).startsWith("government officials said");
            assertThat(hit.sectionName()).isNull();
            assertThat(hit.publishedAt()).isEqualTo(NOW.minusSeconds(2 * 3600));
        }
    }

    @Test
    void an_index_of_the_shape_before_the_card_still_answers_while_it_is_rebuilt() throws Exception {
        // Written as version 2 wrote its documents: everything but the card.
        try (var directory = org.apache.lucene.store.FSDirectory.open(dir);
                var writer = new org.apache.lucene.index.IndexWriter(
                        directory, new org.apache.lucene.index.IndexWriterConfig(new SearchAnalyzers()))) {
            for (IndexedArticle a : List.of(
                    article(1, 1, "en", "Drought grips Baidoa farmers", COMMON + "drought baidoa farmers harvest"),
                    article(2, 2, "en", "Baidoa farmers count drought losses", COMMON + "farmers baidoa drought"),
                    article(3, 3, "en", "Election date announced", COMMON + "election parliament vote"))) {
                var doc = ArticleDocument.of(a);
                doc.removeField(ArticleDocument.CARD);
                writer.addDocument(doc);
            }
            writer.setLiveCommitData(Map.of("complete", "true").entrySet());
            writer.commit();
        }
        try (SearchIndex index = SearchIndex.open(dir, Clock.fixed(NOW, ZoneOffset.UTC))) {
            assertThat(index.needsRebuild()).as("an older shape").isTrue();
            assertThat(index.related(1, 4))
                    .extracting(SearchHit::articleId, SearchHit::headline)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "Baidoa farmers count drought losses"));
        }
    }

    @Test
    void an_article_whose_words_no_other_article_has_has_no_related_articles() {

        try (SearchIndex index = SearchIndex.open(dir, Clock.fixed(NOW, ZoneOffset.UTC))) {
            index.putAll(List.of(
                    article(1, 1, "en", "Camel racing festival", "camel racing festival dunes riders"),
                    article(2, 2, "en", "Fishing season", "fishing season boats nets")));

            assertThat(index.related(1, 4)).isEmpty();
            assertThat(index.related(99, 4)).as("not indexed").isEmpty();
        }
    }

    private static IndexedArticle article(long id, long group, String language, String headline, String body) {
        return new IndexedArticle(
                id,
                group,
                language,
                headline,
                "",
                body,
                null,
                null,
                List.of(),
                "/" + language + "/2026/11/a" + id,
                NOW.minusSeconds(id * 3600));
    }
}
