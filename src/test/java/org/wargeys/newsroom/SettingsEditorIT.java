package org.wargeys.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.account.Role;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestSite;

/**
 * {@code /admin/settings} over real HTTP, on each database: feed content, index rebuild, cache
 * emptying. One demo site per database for the class, with an administrator and an editor.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettingsEditorIT {

    static final String PASSWORD = "correct horse battery";
    static final String EN = "/en/2020/12/iran-vows-soleimani-revenge";

    @Parameter
    DatabaseKind database;

    TestSite site;
    StaffClient admin;
    StaffClient editor;

    @BeforeParameterizedClassInvocation
    void start() {
        site = TestSite.start(database);
        var accounts = site.wiring().accounts().accounts();
        accounts.create("admin@example.org", "Ada", Role.ADMINISTRATOR, Set.of(), PASSWORD, Actor.TERMINAL);
        accounts.create("editor@example.org", "Edna", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
        admin = StaffClient.signIn(site, "admin@example.org", PASSWORD);
        editor = StaffClient.signIn(site, "editor@example.org", PASSWORD);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (site != null) site.deleteData();
    }

    @Test
    void an_administrator_switches_feeds_to_whole_articles_and_the_cached_feed_follows() {
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
        assertThat(admin.page("/admin/audit").select(".audit-lines").text())
                .contains("set the feeds to carry whole articles");
        assertThat(admin.post("/admin/settings/feeds", Map.of("feed_content", "everything"))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void the_sites_x_account_and_an_authors_are_named_in_link_previews_once_set_in_the_newsroom() {
        assertThat(site.html(EN).select("meta[name=twitter:site], meta[name=twitter:creator]"))
                .isEmpty();

        var refused = admin.post("/admin/settings/sharing", Map.of("x_handle", "not a handle!"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(org.jsoup.Jsoup.parse(refused.body())
                        .select("#x_handle-error")
                        .text())
                .contains("1 to 15");
        assertThat(editor.post("/admin/settings/sharing", Map.of("x_handle", "@Warsoor_News"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(admin.post("/admin/settings/sharing", Map.of("x_handle", "@Warsoor_News"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(admin.page("/admin/settings").select("input[name=x_handle]").val())
                .isEqualTo("Warsoor_News");

        // The demo article's byline is the "newsroom" author; an editor gives it an X account.
        assertThat(editor.post(
                                "/admin/taxonomy",
                                Map.of(
                                        "kind",
                                        "author",
                                        "key",
                                        "newsroom",
                                        "name_en",
                                        "Warsoor Staff",
                                        "x_handle",
                                        "warsoor_desk"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(admin.page("/admin/taxonomy")
                        .select("table[data-kind=author] tr[data-key=newsroom]")
                        .text())
                .contains("@warsoor_desk");

        var article = site.html(EN);
        assertThat(article.select("meta[name=twitter:site]").attr("content")).isEqualTo("@Warsoor_News");
        assertThat(article.select("meta[name=twitter:creator]").attr("content")).isEqualTo("@warsoor_desk");
        assertThat(article.select(".share-list a[data-network=x]").attr("href")).contains("via=Warsoor_News");
        java.util.List<String> actions = site.wiring()
                .platform()
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT action FROM audit_log")
                        .mapTo(String.class)
                        .list());
        assertThat(actions).contains("settings.x_account", "author.define");

        // Back to none: the configuration names no account.
        assertThat(admin.post("/admin/settings/sharing", Map.of("x_handle", "")).statusCode())
                .isEqualTo(303);
        assertThat(site.html(EN).select("meta[name=twitter:site]")).isEmpty();
    }

    @Test
    void the_index_is_rebuilt_and_the_cache_emptied_while_the_site_serves() throws Exception {
        site.wiring().search().indexer().rebuilding().get();
        site.get(EN);
        assertThat(admin.page("/admin/settings").selectFirst("[data-indexed]").attr("data-indexed"))
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
    }

    @Test
    void only_administrators_and_only_with_the_token() {
        assertThat(editor.get("/admin/settings").statusCode()).isEqualTo(403);
        assertThat(editor.post("/admin/settings/page-cache", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(editor.page("/admin/articles").select("a[href=/admin/settings]"))
                .isEmpty();

        assertThat(admin.page("/admin/articles").select("a[href=/admin/settings]"))
                .hasSize(1);
        // The setting a forged post asks for is the one the site does not have (another test may
        // have switched feeds to whole articles already).
        boolean full = site.wiring().feeds().settings().fullContent();
        assertThat(admin.postRaw("/admin/settings/feeds", Map.of("feed_content", full ? "summary" : "full"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(site.wiring().feeds().settings().fullContent()).isEqualTo(full);
        assertThat(StaffClient.anonymous(site)
                        .postRaw("/admin/settings/page-cache", Map.of())
                        .statusCode())
                .isEqualTo(401);
    }
}
