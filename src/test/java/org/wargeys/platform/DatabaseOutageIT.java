package org.wargeys.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.wargeys.account.Role;
import org.wargeys.testsupport.OwnPostgres;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestSite;

/**
 * PostgreSQL goes away while the site serves (issue 12): cached pages keep being served, other pages
 * are a localized 503 with Retry-After, /healthz says 503, a journalist's save comes back with the
 * text and the reason — and when the database is back, everything works again by itself.
 */
class DatabaseOutageIT {

    static final String ARTICLE = "/en/2020/12/iran-vows-soleimani-revenge";
    static final String PASSWORD = "correct horse battery";

    @Test
    void while_the_database_is_away_nothing_is_lost_and_everything_says_so() throws InterruptedException {
        try (OwnPostgres postgres = OwnPostgres.start()) {
            TestSite site = TestSite.onDatabase(postgres.url(), true);
            try {
                site.wiring()
                        .accounts()
                        .accounts()
                        .create("editor@example.org", "Edna", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
                StaffClient editor = StaffClient.signIn(site, "editor@example.org", PASSWORD);
                long id = site.wiring()
                        .articles()
                        .service()
                        .findPublished("en", "iran-vows-soleimani-revenge")
                        .orElseThrow()
                        .id();
                Map<String, String> form = new HashMap<>();
                editor.page("/admin/articles/" + id)
                        .select("form[data-editor] input[name], form[data-editor] textarea[name]")
                        .forEach(e -> form.put(e.attr("name"), e.is("textarea") ? e.wholeText() : e.val()));
                assertThat(site.get(ARTICLE).statusCode()).isEqualTo(200); // now in the page cache

                postgres.down();

                assertThat(site.get(ARTICLE).statusCode()).as("a cached page").isEqualTo(200);
                HttpResponse<String> uncached = site.get("/so/section/adduunka", Map.of("Accept-Language", "so"));
                assertThat(uncached.statusCode()).isEqualTo(503);
                assertThat(uncached.headers().firstValue("Retry-After")).isPresent();
                assertThat(Jsoup.parse(uncached.body()).selectFirst("html").attr("lang"))
                        .isEqualTo("so");
                HttpResponse<String> health = site.get("/healthz");
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(health.body()).contains("\"status\":\"unavailable\"");
                assertThat(site.get("/readyz").statusCode()).isEqualTo(503);
                assertThat(site.get("/livez").statusCode()).isEqualTo(200);

                form.put("headline", "Written while the database was away");
                HttpResponse<String> save = editor.post("/admin/articles/" + id, form);
                assertThat(save.statusCode()).isEqualTo(503);
                var page = Jsoup.parse(save.body());
                assertThat(page.select("[name=headline]").val()).isEqualTo("Written while the database was away");
                assertThat(page.text()).contains("The database is not answering. Nothing was lost");

                postgres.up();

                // Connections the pool held to the old server fail once each, then new ones are made:
                // the site recovers by itself within moments (the deadline bounds a failing test only).
                long deadline =
                        System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
                HttpResponse<String> again = editor.post("/admin/articles/" + id, form);
                while (again.statusCode() == 503 && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                    again = editor.post("/admin/articles/" + id, form);
                }
                assertThat(again.statusCode()).as(again.body()).isEqualTo(303);
                assertThat(site.get("/healthz").statusCode()).isEqualTo(200);

                assertThat(Jsoup.parse(site.get(ARTICLE).body()).select("h1").text())
                        .isEqualTo("Written while the database was away");
            } finally {
                site.deleteData();
            }
        }
    }
}
