package org.wargeys.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.account.Role;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestSite;

/**
 * The site settings in the newsroom, on each database: stored for the next start (the running site
 * keeps its values until then, and says so), taken at the next start, and a value the configuration
 * pins shown as such and never changed from the newsroom. Each test restarts its own site, so each
 * has a site of its own.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class SiteSettingsIT {

    static final String PASSWORD = "correct horse battery";

    @Parameter
    DatabaseKind database;

    TestSite site;

    @AfterEach
    void stop() {
        if (site != null) site.deleteData();
    }

    private StaffClient admin() {
        var accounts = site.wiring().accounts().accounts();
        if (accounts.findByEmail("admin@example.org").isEmpty()) {
            accounts.create("admin@example.org", "Ada", Role.ADMINISTRATOR, Set.of(), PASSWORD, Actor.TERMINAL);
        }
        return StaffClient.signIn(site, "admin@example.org", PASSWORD);
    }

    @Test
    void the_name_outlet_time_zone_and_networks_change_at_the_next_start_and_the_page_says_so() {
        site = TestSite.start(database, false);
        StaffClient admin = admin();
        HttpResponse<String> saved = admin.post(
                "/admin/settings/site",
                Map.of(
                        "site_name", "Radio Hiiraan",
                        "site_outlet", "HIIRAAN",
                        "site_timezone", "Africa/Nairobi",
                        "networks_shown", "1",
                        "networks", "whatsapp"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);

        Document page = admin.page("/admin/settings");
        assertThat(page.select(".flash").text()).contains("next start");
        assertThat(page.select("input[name=site_name]").val()).isEqualTo("Radio Hiiraan");
        assertThat(page.select("[data-setting=site.name] .hint").text()).contains("runs with “Warsoor”");
        assertThat(site.wiring().platform().site().name())
                .as("until the restart")
                .isEqualTo("Warsoor");
        assertThat(admin.page("/admin/audit").select(".audit-lines").text())
                .contains("Ada changed a site setting for the next start: site.name = Radio Hiiraan");

        site = site.restart();
        assertThat(site.wiring().platform().site().name()).isEqualTo("Radio Hiiraan");
        assertThat(site.wiring().platform().site().outlet()).isEqualTo("HIIRAAN");
        assertThat(site.wiring().platform().site().timezone().getId()).isEqualTo("Africa/Nairobi");
        assertThat(site.wiring().platform().config().settings()).containsEntry("sharing.networks", "whatsapp");
        assertThat(site.html("/en/").title()).contains("Radio Hiiraan");
        Document after = admin().page("/admin/settings");
        assertThat(after.select("[data-setting=site.name] .hint").text()).doesNotContain("runs with");
        assertThat(after.select("input[name=networks][checked]").eachAttr("value"))
                .containsExactly("whatsapp");
    }

    @Test
    void a_language_added_with_its_direction_has_its_pages_after_the_next_start_and_one_without_articles_can_go() {
        site = TestSite.start(database, false);
        StaffClient admin = admin();
        assertThat(admin.post("/admin/settings/languages", Map.of("code", "ps", "direction", "rtl"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(admin.post("/admin/settings/languages", Map.of("code", "sw", "direction", "ltr"))
                        .statusCode())
                .isEqualTo(303);
        Document page = admin.page("/admin/settings");
        assertThat(page.select("tr[data-language=ps]").text()).contains("Right to left", "from the next start");
        assertThat(site.get("/ps/").statusCode()).as("not before the restart").isEqualTo(404);
        assertThat(admin.post("/admin/settings/languages", Map.of("code", "so", "direction", "ltr"))
                        .statusCode())
                .as("a language twice")
                .isEqualTo(400);
        assertThat(admin.post("/admin/settings/languages", Map.of("code", "x1", "direction", "ltr"))
                        .statusCode())
                .isEqualTo(400);

        site = site.restart();
        assertThat(site.wiring().platform().site().languages())
                .extracting(l -> l.code())
                .containsExactly("en", "so", "ar", "ps", "sw");
        assertThat(Jsoup.parse(site.get("/ps/").body()).select("html").attr("dir"))
                .isEqualTo("rtl");
        assertThat(Jsoup.parse(site.get("/sw/").body()).select("html").attr("dir"))
                .isEqualTo("ltr");

        StaffClient again = admin();
        assertThat(again.post("/admin/settings/languages/remove", Map.of("code", "sw"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(again.post("/admin/settings/languages/remove", Map.of("code", "en"))
                        .statusCode())
                .as("the default language stays")
                .isEqualTo(400);
        site.wiring()
                .articles()
                .service()
                .createDraft(
                        new org.wargeys.article.ArticleDraft(
                                "ps",
                                "lumray",
                                "لومړی",
                                null,
                                null,
                                null,
                                "متن",
                                null,
                                java.util.List.of(),
                                java.util.List.of()),
                        Actor.TERMINAL);
        HttpResponse<String> inUse = again.post("/admin/settings/languages/remove", Map.of("code", "ps"));
        assertThat(inUse.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(inUse.body()).select("[role=alert]").text()).contains("has 1 articles");
        site = site.restart();
        assertThat(site.wiring().platform().site().languages())
                .extracting(l -> l.code())
                .containsExactly("en", "so", "ar", "ps");
    }

    @Test
    void a_value_the_configuration_sets_is_shown_as_pinned_and_the_newsroom_never_changes_it() {
        site = TestSite.start(database, false, Map.of("site.outlet", "WARSOOR"));
        StaffClient admin = admin();
        Document page = admin.page("/admin/settings");
        assertThat(page.select("[data-setting=site.outlet]").attr("data-pinned"))
                .isEqualTo("true");
        assertThat(page.select("[data-setting=site.outlet]").text()).contains("WARSOOR", "server’s configuration");
        assertThat(page.select("input[name=site_outlet]")).isEmpty();
        assertThat(admin.post("/admin/settings/site", Map.of("site_name", "Warsoor", "site_outlet", "SOMEONE ELSE"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(site.wiring().platform().siteSettings().next("site.outlet")).isEqualTo("WARSOOR");
        site = site.restart();
        assertThat(site.wiring().platform().config().settings()).containsEntry("site.outlet", "WARSOOR");
    }

    @Test
    void bad_values_are_refused_with_their_reasons_and_nothing_is_stored() {
        site = TestSite.start(database, false);
        StaffClient admin = admin();
        HttpResponse<String> refused =
                admin.post("/admin/settings/site", Map.of("site_name", "", "site_timezone", "Mars/Olympus"));
        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("#site_name-error").text()).contains("1 to 100");
        assertThat(page.select("#site_timezone-error").text()).contains("Mars/Olympus");
        assertThat(site.wiring().platform().siteSettings().next("site.name")).isEqualTo("Warsoor");
        StaffClient editor;
        site.wiring()
                .accounts()
                .accounts()
                .create("editor@example.org", "Edna", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
        editor = StaffClient.signIn(site, "editor@example.org", PASSWORD);
        assertThat(editor.post("/admin/settings/site", Map.of("site_name", "Mine"))
                        .statusCode())
                .isEqualTo(403);
    }
}
