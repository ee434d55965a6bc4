package org.wargeys.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.account.Role;
import org.wargeys.account.User;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestSite;

/**
 * Administrators manage existing staff over real HTTP, on each database (see the subclasses):
 * roles, languages, disabling and enabling accounts, and the last active administrator. Only
 * {@code chief} is an administrator for the whole class; tests that add another one demote it again.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffManagementIT {

    static final String PASSWORD = "correct horse battery";

    TestSite site;
    StaffClient chief;

    @Parameter
    DatabaseKind database;

    DatabaseKind database() {
        return database;
    }

    @BeforeParameterizedClassInvocation
    void start() {
        site = TestSite.start(database());
        site.wiring()
                .accounts()
                .accounts()
                .create("chief@example.org", "Chief", Role.ADMINISTRATOR, Set.of(), PASSWORD, Actor.TERMINAL);
        chief = StaffClient.signIn(site, "chief@example.org", PASSWORD);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (site != null) {
            site.deleteData();
        }
    }

    private User create(String email, Role role, Set<String> languages) {
        return site.wiring().accounts().accounts().create(email, email, role, languages, PASSWORD, Actor.TERMINAL);
    }

    private User reload(User user) {
        return site.wiring().accounts().accounts().find(user.id()).orElseThrow();
    }

    private String audit() {
        return chief.page("/admin/audit").select(".audit-lines").text();
    }

    @Test
    void a_new_role_applies_from_the_users_next_request_in_the_session_they_have_open() {
        User asha = create("asha@example.org", Role.AUTHOR, Set.of());
        StaffClient author = StaffClient.signIn(site, asha.email(), PASSWORD);
        Map<String, String> section = Map.of("kind", "section", "key", "weather", "name_en", "Weather");
        assertThat(author.post("/admin/taxonomy", section).statusCode()).isEqualTo(403);

        HttpResponse<String> changed = chief.post("/admin/users/" + asha.id() + "/role", Map.of("role", "editor"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(303);
        assertThat(changed.headers().firstValue("Location")).hasValue("/admin/users");

        assertThat(author.post("/admin/taxonomy", section).statusCode())
                .as("same session, new role")
                .isEqualTo(303);
        assertThat(reload(asha).role()).isEqualTo(Role.EDITOR);
        Document users = chief.page("/admin/users");
        assertThat(users.select(".flash").text()).contains("asha@example.org has a new role");
        assertThat(users.select("tr[data-user=asha@example.org] select[name=role] option[selected]")
                        .attr("value"))
                .isEqualTo("editor");
        assertThat(audit()).contains("Chief made asha@example.org Editor");
    }

    @Test
    void a_translators_languages_change_with_the_role_form_and_other_roles_keep_none() {
        User tariq = create("tariq@example.org", Role.TRANSLATOR, Set.of("so"));
        HttpResponse<String> both =
                chief.postEncoded("/admin/users/" + tariq.id() + "/role", "role=translator&languages=so&languages=ar");
        assertThat(both.statusCode()).isEqualTo(303);
        assertThat(reload(tariq).languages()).containsExactlyInAnyOrder("so", "ar");
        assertThat(chief.page("/admin/users")
                        .select("tr[data-user=tariq@example.org] input[name=languages][checked]")
                        .eachAttr("value"))
                .containsExactlyInAnyOrder("so", "ar");
        assertThat(chief.postEncoded("/admin/users/" + tariq.id() + "/role", "role=author&languages=so")
                        .statusCode())
                .isEqualTo(303);
        assertThat(reload(tariq).languages()).isEmpty();
        assertThat(chief.post("/admin/users/" + tariq.id() + "/role", Map.of("role", "root"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(reload(tariq).role()).isEqualTo(Role.AUTHOR);
    }

    @Test
    void disabling_signs_the_user_out_at_once_and_refuses_sign_in_like_a_wrong_password_and_enabling_lets_them_back() {
        User leaver = create("leaver@example.org", Role.EDITOR, Set.of());
        StaffClient open = StaffClient.signIn(site, leaver.email(), PASSWORD);
        StaffClient other = StaffClient.signIn(site, leaver.email(), PASSWORD);
        HttpResponse<String> written = open.post(
                "/admin/articles",
                Map.of(
                        "language",
                        "en",
                        "headline",
                        "Written before leaving",
                        "dateline_place",
                        "HARGEISA",
                        "dateline_outlet",
                        "WARSOOR",
                        "standfirst",
                        "A standfirst.",
                        "body",
                        "Words.",
                        "section",
                        "world",
                        "authors",
                        "newsroom"));
        assertThat(written.statusCode()).isEqualTo(303);
        long article = Long.parseLong(
                written.headers().firstValue("Location").orElseThrow().replaceAll("^/admin/articles/(\\d+).*$", "$1"));

        HttpResponse<String> disabled = chief.post("/admin/users/" + leaver.id() + "/disable", Map.of());
        assertThat(disabled.statusCode()).isEqualTo(303);
        assertThat(disabled.headers().firstValue("Location")).hasValue("/admin/users");

        assertThat(open.get("/admin/articles").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).startsWith("/admin/login"));
        assertThat(other.post("/admin/articles", Map.of("language", "en", "headline", "After", "body", "x"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(site.wiring().accounts().sessions().count(leaver.id())).isZero();

        HttpResponse<String> refused = StaffClient.anonymous(site).attemptSignIn(leaver.email(), PASSWORD);
        HttpResponse<String> wrong = StaffClient.anonymous(site).attemptSignIn("chief@example.org", "not the password");
        assertThat(refused.statusCode()).isEqualTo(wrong.statusCode()).isEqualTo(401);
        assertThat(Jsoup.parse(refused.body()).select("[role=alert]").text())
                .isNotBlank()
                .isEqualTo(Jsoup.parse(wrong.body()).select("[role=alert]").text());
        assertThat(StaffClient.setCookies(refused))
                .noneMatch(c -> c.startsWith("wargeys_session=") && !c.startsWith("wargeys_session=;"));

        assertThat(site.wiring().articles().service().find(article).headline())
                .as("the articles stay")
                .isEqualTo("Written before leaving");
        Document users = chief.page("/admin/users");
        assertThat(users.select("tr[data-user=leaver@example.org] .user-status").text())
                .isEqualTo("Disabled");
        assertThat(users.select("tr[data-user=leaver@example.org] form[action$=/enable]"))
                .hasSize(1);

        assertThat(chief.post("/admin/users/" + leaver.id() + "/enable", Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(StaffClient.signIn(site, leaver.email(), PASSWORD)
                        .get("/admin/articles")
                        .statusCode())
                .isEqualTo(200);
        assertThat(audit())
                .contains(
                        "Chief disabled the account of leaver@example.org",
                        "Chief let leaver@example.org sign in again");
    }

    @Test
    void the_last_active_administrator_can_neither_demote_nor_disable_themself() {
        long chiefId =
                site.wiring().accounts().accounts().require("chief@example.org").id();
        HttpResponse<String> demoted = chief.post("/admin/users/" + chiefId + "/role", Map.of("role", "editor"));
        assertThat(demoted.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(demoted.body()).select("[role=alert]").text()).contains("last active administrator");
        HttpResponse<String> disabled = chief.post("/admin/users/" + chiefId + "/disable", Map.of());
        assertThat(disabled.statusCode()).isEqualTo(409);
        User unchanged = site.wiring().accounts().accounts().find(chiefId).orElseThrow();
        assertThat(unchanged.role()).isEqualTo(Role.ADMINISTRATOR);
        assertThat(unchanged.active()).isTrue();
        assertThat(chief.get("/admin/users").statusCode()).as("still signed in").isEqualTo(200);
        assertThat(audit()).doesNotContain("Chief made Chief Editor", "disabled the account of Chief");

        // With a second active administrator, one of them may step down; a disabled one does not count.
        User deputy = create("deputy@example.org", Role.ADMINISTRATOR, Set.of());
        assertThat(chief.post("/admin/users/" + deputy.id() + "/disable", Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(chief.post("/admin/users/" + chiefId + "/role", Map.of("role", "editor"))
                        .statusCode())
                .isEqualTo(409);
        assertThat(chief.post("/admin/users/" + deputy.id() + "/enable", Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(chief.post("/admin/users/" + deputy.id() + "/role", Map.of("role", "editor"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(reload(deputy).role()).isEqualTo(Role.EDITOR);
    }

    @Test
    void changes_need_the_csrf_token_and_an_administrator() {
        User target = create("target@example.org", Role.AUTHOR, Set.of());
        create("ed@example.org", Role.EDITOR, Set.of());
        StaffClient editor = StaffClient.signIn(site, "ed@example.org", PASSWORD);
        for (String action : new String[] {"role", "disable", "enable"}) {
            String path = "/admin/users/" + target.id() + "/" + action;
            assertThat(chief.postRaw(path, Map.of("role", "editor")).statusCode())
                    .as("no token: " + path)
                    .isEqualTo(403);
            assertThat(chief.postRaw(path, Map.of("role", "editor", "csrf", "guess"))
                            .statusCode())
                    .as("wrong token: " + path)
                    .isEqualTo(403);
            assertThat(editor.post(path, Map.of("role", "administrator")).statusCode())
                    .as("editor: " + path)
                    .isEqualTo(403);
        }
        assertThat(editor.get("/admin/users").statusCode()).isEqualTo(403);
        User unchanged = reload(target);
        assertThat(unchanged.role()).isEqualTo(Role.AUTHOR);
        assertThat(unchanged.active()).isTrue();
        assertThat(chief.post("/admin/users/999999/disable", Map.of()).statusCode())
                .isEqualTo(400);
        assertThat(chief.post("/admin/users/abc/disable", Map.of()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void the_users_page_has_a_label_for_every_control() {
        create("someone@example.org", Role.TRANSLATOR, Set.of("so"));
        HttpResponse<String> page = chief.get("/admin/users");
        Document users = Jsoup.parse(page.body());
        for (var select : users.select("form.user-role select")) {
            assertThat(users.select("label[for=" + select.id() + "]").text()).startsWith("Role of");
        }
        assertThat(users.select("form.user-role, form.user-access"))
                .allSatisfy(form -> assertThat(form.select("input[name=csrf]").attr("value"))
                        .isEqualTo(chief.csrf()));
    }
}
