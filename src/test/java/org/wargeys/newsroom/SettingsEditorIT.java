package org.wargeys.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.account.Role;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestSite;

/** {@code /admin/settings} over real HTTP, on each database: feed content, index rebuild, cache emptying. */
class SettingsEditorIT {

    static final String PASSWORD = "correct horse battery";
    static final String EN = "/en/2020/12/iran-vows-soleimani-revenge";

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void an_administrator_switches_feeds_to_whole_articles_and_the_cached_feed_follows(DatabaseKind kind) {
        TestSite site = TestSite.start(kind);
        try {
            StaffClient admin = admin(site);
            Document page = admin.page("/admin/settings");
            assertThat(page.select("input[name=feed_content][value=summary]").hasAttr("checked"))
                    .isTrue();
            assertThat(site.get("/en/rss.xml").body()).doesNotContain("content:encoded");
            assertThat(site.get("/en/rss.xml").headers().firstValue("X-Cache")).hasValue("HIT");

            assertThat(admin.post("/admin/settings/feeds", Map.of("feed_content", "full"))
                            .statusCode())
                    .isEqualTo(303);

            assertThat(site.get("/en/rss.xml").body()).contains("content:encoded");
            assertThat(admin.page("/admin/settings")
                            .select("input[name=feed_content][value=full]")
                            .hasAttr("checked"))
                    .isTrue();
            assertThat(admin.page("/admin/audit").text()).contains("settings.feeds");
            assertThat(admin.post("/admin/settings/feeds", Map.of("feed_content", "everything"))
                            .statusCode())
                    .isEqualTo(400);
        } finally {
            site.deleteData();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void the_index_is_rebuilt_and_the_cache_emptied_while_the_site_serves(DatabaseKind kind) throws Exception {
        TestSite site = TestSite.start(kind);
        try {
            site.wiring().search().indexer().rebuilding().get();
            StaffClient admin = admin(site);
            site.get(EN);
            assertThat(admin.page("/admin/settings")
                            .selectFirst("[data-indexed]")
                            .attr("data-indexed"))
                    .isEqualTo("2");

            assertThat(admin.post("/admin/settings/search-index", Map.of()).statusCode())
                    .isEqualTo(303);
            assertThat(site.wiring().search().indexer().rebuilding().get()).isEqualTo(2);
            assertThat(site.get("/en/search?q=revenge").body()).contains("iran-vows-soleimani-revenge");

            assertThat(site.get(EN).headers().firstValue("X-Cache")).hasValue("HIT");
            assertThat(admin.post("/admin/settings/page-cache", Map.of()).statusCode())
                    .isEqualTo(303);
            assertThat(site.get(EN).headers().firstValue("X-Cache")).hasValue("MISS");
            assertThat(admin.page("/admin/settings?notice=emptied")
                            .select("[role=status]")
                            .text())
                    .contains("emptied");
        } finally {
            site.deleteData();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void only_administrators_and_only_with_the_token(DatabaseKind kind) {
        TestSite site = TestSite.start(kind);
        try {
            site.wiring()
                    .accounts()
                    .accounts()
                    .create("editor@example.org", "Edna", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
            StaffClient editor = StaffClient.signIn(site, "editor@example.org", PASSWORD);
            assertThat(editor.get("/admin/settings").statusCode()).isEqualTo(403);
            assertThat(editor.post("/admin/settings/page-cache", Map.of()).statusCode())
                    .isEqualTo(403);
            assertThat(editor.page("/admin/articles").select("a[href=/admin/settings]"))
                    .isEmpty();

            StaffClient admin = admin(site);
            assertThat(admin.page("/admin/articles").select("a[href=/admin/settings]"))
                    .hasSize(1);
            assertThat(admin.postRaw("/admin/settings/feeds", Map.of("feed_content", "full"))
                            .statusCode())
                    .isEqualTo(403);
            assertThat(site.wiring().feeds().settings().fullContent()).isFalse();
            assertThat(StaffClient.anonymous(site)
                            .postRaw("/admin/settings/page-cache", Map.of())
                            .statusCode())
                    .isEqualTo(401);
        } finally {
            site.deleteData();
        }
    }

    private static StaffClient admin(TestSite site) {
        site.wiring()
                .accounts()
                .accounts()
                .create("admin@example.org", "Ada", Role.ADMINISTRATOR, Set.of(), PASSWORD, Actor.TERMINAL);
        return StaffClient.signIn(site, "admin@example.org", PASSWORD);
    }
}
