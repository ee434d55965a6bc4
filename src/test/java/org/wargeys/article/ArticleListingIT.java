package org.wargeys.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wargeys.platform.Actor;
import org.wargeys.platform.Dialect;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/**
 * The article list's word search on SQLite's full-text index takes one of two ways, by how many
 * articles match: few are read from the index and sorted, many are found by LIKE along the sort.
 * Both must list the same articles in the same order, page after page. (PostgreSQL reads its pg_trgm
 * indexes through the one LIKE query; DeskIT searches on both databases.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleListingIT {

    TestSite site;
    ArticleListing few;
    ArticleListing many;

    @BeforeAll
    void start() {
        site = TestSite.start(DatabaseKind.SQLITE, false);
        var jdbi = site.wiring().platform().database().jdbi();
        List<String> languages = List.of("en", "so", "ar");
        few = new ArticleListing(jdbi, Dialect.SQLITE, languages, 1_000);
        many = new ArticleListing(jdbi, Dialect.SQLITE, languages, 3);
        var articles = site.wiring().articles().service();
        for (int i = 0; i < 40; i++) {
            String headline = (i % 3 == 0 ? "Roobabka Baydhabo " : "Suuqa Muqdisho ") + i;
            articles.createDraft(
                    new ArticleDraft("en", null, headline, null, "Warbixin " + i, null, "Body.", null, null, null),
                    Actor.TERMINAL);
        }
    }

    @AfterAll
    void stop() {
        if (site != null) site.deleteData();
    }

    private static List<Long> all(ArticleListing listing, String words, ArticleListing.Sort sort) {
        List<Long> ids = new ArrayList<>();
        ArticleListing.Cursor after = null;
        do {
            var page = listing.page(
                    new ArticleListing.Query(words, null, null, null, null, null, null, sort), after, null, 5, "en");
            page.rows().forEach(r -> ids.add(r.article().id()));
            after = page.next();
        } while (after != null);
        return ids;
    }

    @Test
    void both_ways_list_the_same_articles_in_the_same_order() {
        for (String words : List.of("baydhabo", "ROOBAB", "muqdisho 1", "warbixin", "suuqa baydhabo", "nowhere")) {
            for (ArticleListing.Sort sort : ArticleListing.Sort.values()) {
                assertThat(all(many, words, sort)).as(words + " by " + sort).isEqualTo(all(few, words, sort));
            }
        }
        assertThat(all(many, "baydhabo", ArticleListing.Sort.UPDATED)).hasSize(14);
        assertThat(all(many, "warbixin", ArticleListing.Sort.UPDATED)).hasSize(40);
        assertThat(all(few, "muqdisho 1", ArticleListing.Sort.HEADLINE))
                .as("a short word is read from the rows: '1' in 1, 10–19 and the rest")
                .hasSize(all(few, "muqdisho", ArticleListing.Sort.HEADLINE).stream()
                        .filter(id -> site.wiring()
                                .articles()
                                .service()
                                .find(id)
                                .headline()
                                .contains("1"))
                        .toList()
                        .size());
        assertThat(all(few, "suuqa baydhabo", ArticleListing.Sort.UPDATED)).isEmpty();
    }
}
