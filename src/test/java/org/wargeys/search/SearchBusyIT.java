package org.wargeys.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Semaphore;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/**
 * A flood of searches is bounded: while every search slot is taken, a reader's search waits its turn
 * for two seconds, then gets the form back with its words, a 503, Retry-After and a message in the
 * page's language; the API says the same as a problem. Cached pages are not held up. (The bound does
 * not depend on the database: SQLite only.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchBusyIT {

    TestSite site;

    @BeforeAll
    void start() throws Exception {
        site = TestSite.start(DatabaseKind.SQLITE);
        site.wiring().search().indexer().rebuilding().get();
    }

    @AfterAll
    void stop() {
        if (site != null) site.deleteData();
    }

    @Test
    void searches_beyond_the_bound_are_refused_in_the_readers_language_and_pages_keep_coming() {
        String article = "/so/2020/12/iran-oo-ballan-qaaday";
        site.get(article);
        Semaphore slots = site.wiring().search().index().slots();
        int taken = slots.drainPermits();
        assertThat(taken).isPositive();
        try {
            var busy = site.get("/so/search?q=iran");
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
            var page = Jsoup.parse(busy.body());
            assertThat(page.selectFirst("html").attr("lang")).isEqualTo("so");
            assertThat(page.select(".search-summary").text())
                    .isEqualTo("Dad badan ayaa hadda raadinaya. Fadlan isku day mar kale dhowr ilbiriqsi kadib.");
            assertThat(page.select("input[name=q]").attr("value"))
                    .as("the words stay")
                    .isEqualTo("iran");
            assertThat(site.get("/so/search?q=iran").statusCode())
                    .as("a refusal is never kept")
                    .isEqualTo(503);

            var api = site.get("/api/v1/search?q=iran&language=so");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.body()).contains("urn:wargeys:problem:busy");

            var cached = site.get(article);
            assertThat(cached.statusCode()).isEqualTo(200);
            assertThat(cached.headers().firstValue("X-Cache")).hasValue("HIT");
        } finally {
            slots.release(taken);
        }
        var answered = site.get("/so/search?q=iran");
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(answered.body()).select(".search-results h2 a")).isNotEmpty();
    }
}
