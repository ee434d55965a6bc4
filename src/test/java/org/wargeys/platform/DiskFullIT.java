package org.wargeys.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.wargeys.account.Role;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestSite;

/**
 * The disk fills up (issue 12): a save says so and keeps the text, /healthz reports the site degraded,
 * and once there is room again the next save works and the report clears by itself. SQLite's
 * max_page_count stands in for a full disk: it fails writes with the same SQLITE_FULL.
 */
class DiskFullIT {

    static final String PASSWORD = "correct horse battery";

    @Test
    void a_full_disk_is_said_kept_out_of_the_text_and_recovered_from() {
        TestSite site = TestSite.start(DatabaseKind.SQLITE, true);
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
            form.put("body", "A long new body. ".repeat(20_000));

            setMaxPages(site, "(SELECT page_count FROM pragma_page_count())");
            HttpResponse<String> full = editor.post("/admin/articles/" + id, form);
            assertThat(full.statusCode()).isEqualTo(503);
            assertThat(Jsoup.parse(full.body()).text()).contains("The server’s disk is full");
            assertThat(Jsoup.parse(full.body()).select("textarea[name=body]").text())
                    .startsWith("A long new body.");
            HttpResponse<String> degraded = site.get("/healthz");
            assertThat(degraded.statusCode()).isEqualTo(200);
            assertThat(degraded.body()).contains("\"status\":\"degraded\"", "\"last_failure\":\"disk_full\"");

            setMaxPages(site, "1073741823");
            assertThat(editor.post("/admin/articles/" + id, form).statusCode()).isEqualTo(303);
            assertThat(site.get("/healthz").body()).contains("\"status\":\"ok\"");
        } finally {
            site.deleteData();
        }
    }

    /** Sets the page limit on every pooled connection (the pragma belongs to a connection). */
    private static void setMaxPages(TestSite site, String limit) {
        var jdbi = site.wiring().platform().database().jdbi();
        List<Handle> handles = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Handle h = jdbi.open();
                handles.add(h);
                long pages = h.createQuery("SELECT " + limit).mapTo(Long.class).one();
                h.execute("PRAGMA max_page_count = " + pages);
            }
        } finally {
            handles.forEach(Handle::close);
        }
    }
}
