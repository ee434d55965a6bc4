package org.wargeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
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
 * The newsroom's doors over real HTTP, on each database: every /admin route refuses anonymous users,
 * sessions (forged, one-time passwords, sign-out, restarts) and roles are enforced, and sign-in is
 * throttled. The door checks no database can change (CSRF refusals, cookie flags, hostile markup) are
 * in {@code newsroom/NewsroomGateIT}, once.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsroomSecurityIT {

    static final String PASSWORD = "correct horse battery";

    TestSite site;

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
                .create("editor@example.org", "Edna Editor", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
        site.wiring()
                .accounts()
                .accounts()
                .create("translator@example.org", "Tariq", Role.TRANSLATOR, Set.of("so"), PASSWORD, Actor.TERMINAL);
        site.wiring()
                .accounts()
                .accounts()
                .create("author@example.org", "Asha", Role.AUTHOR, Set.of(), PASSWORD, Actor.TERMINAL);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (site != null) {
            site.deleteData();
        }
    }

    @Test
    void every_admin_route_refuses_anonymous_users() {
        List<Routes.AdminRoute> routes = Routes.newsroom(site.wiring());
        assertThat(routes).hasSizeGreaterThan(15);
        StaffClient anonymous = StaffClient.anonymous(site);
        for (Routes.AdminRoute route : routes) {
            String path =
                    route.path().replace("{id}", "1").replace("{revision}", "1").replace("{delivery}", "1");
            if (route.method() == HandlerType.GET) {
                HttpResponse<String> response = anonymous.get(path);
                assertThat(response.statusCode()).as("GET " + path).isEqualTo(303);
                assertThat(response.headers().firstValue("Location"))
                        .as("GET " + path)
                        .hasValueSatisfying(location -> assertThat(location).startsWith("/admin/login?next="));
            } else {
                HttpResponse<String> response = anonymous.postRaw(path, Map.of("csrf", "guess", "headline", "x"));
                assertThat(response.statusCode()).as("POST " + path).isEqualTo(401);
            }
        }
    }

    @Test
    void a_one_time_password_must_be_replaced_before_anything_else() {
        var created = site.wiring()
                .accounts()
                .accounts()
                .createWithOneTimePassword("new@example.org", "New", Role.EDITOR, Set.of(), Actor.TERMINAL);
        StaffClient newcomer = StaffClient.anonymous(site);
        HttpResponse<String> signedIn = newcomer.attemptSignIn("new@example.org", created.password());
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/admin/password");
        newcomer.refreshCsrf();
        assertThat(newcomer.get("/admin/articles").headers().firstValue("Location"))
                .hasValue("/admin/password");
        assertThat(newcomer.post("/admin/articles", Map.of("language", "en", "headline", "Too early", "body", "x"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(newcomer.post(
                                "/admin/password",
                                Map.of(
                                        "current",
                                        "wrong one-time",
                                        "password",
                                        PASSWORD + " 2",
                                        "repeat",
                                        PASSWORD + " 2"))
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> changed = newcomer.post(
                "/admin/password",
                Map.of("current", created.password(), "password", PASSWORD + " 2", "repeat", PASSWORD + " 2"));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(changed.headers().firstValue("Location")).hasValue("/admin/articles");
        assertThat(newcomer.get("/admin/articles").statusCode()).isEqualTo(200);
        assertThat(StaffClient.anonymous(site)
                        .attemptSignIn("new@example.org", created.password())
                        .statusCode())
                .isEqualTo(401);
        assertThat(StaffClient.signIn(site, "new@example.org", PASSWORD + " 2").csrf())
                .isNotBlank();
    }

    @Test
    void a_forged_or_stale_session_cookie_is_anonymous() {
        HttpResponse<String> response = site.get("/admin/articles", Map.of("Cookie", "wargeys_session=forged"));
        assertThat(response.statusCode()).isEqualTo(303);
    }

    @Test
    void sign_out_ends_the_session_and_sign_out_everywhere_ends_them_all() {
        StaffClient first = StaffClient.signIn(site, "author@example.org", PASSWORD);
        StaffClient second = StaffClient.signIn(site, "author@example.org", PASSWORD);
        StaffClient third = StaffClient.signIn(site, "author@example.org", PASSWORD);
        assertThat(first.post("/admin/logout", Map.of()).statusCode()).isEqualTo(303);
        assertThat(first.get("/admin/articles").statusCode()).isEqualTo(303);
        assertThat(second.get("/admin/articles").statusCode()).isEqualTo(200);
        assertThat(second.post("/admin/logout-everywhere", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(second.get("/admin/articles").statusCode()).isEqualTo(303);
        assertThat(third.get("/admin/articles").statusCode()).isEqualTo(303);
    }

    @Test
    void a_translator_cannot_publish_nor_edit_the_source_but_can_translate_and_submit() {
        StaffClient editor = StaffClient.signIn(site, "editor@example.org", PASSWORD);
        long source = created(editor.post(
                "/admin/articles", Map.of("language", "en", "headline", "Drought spreads", "body", "Rain failed.")));
        StaffClient translator = StaffClient.signIn(site, "translator@example.org", PASSWORD);
        assertThat(translator.get("/admin/articles/" + source).statusCode()).isEqualTo(403);
        assertThat(translator
                        .post("/admin/articles/" + source + "/translations", Map.of("language", "ar"))
                        .statusCode())
                .isEqualTo(403);
        long translation =
                created(translator.post("/admin/articles/" + source + "/translations", Map.of("language", "so")));
        assertThat(translator
                        .post("/admin/articles/" + translation + "/workflow", Map.of("step", "publish"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(translator
                        .post("/admin/articles/" + source + "/workflow", Map.of("step", "publish"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(site.wiring().articles().service().find(translation).isPublished())
                .isFalse();
        assertThat(site.wiring().articles().service().find(source).isPublished())
                .isFalse();
        assertThat(translator
                        .post("/admin/articles/" + translation + "/workflow", Map.of("step", "submit"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(site.wiring().articles().service().find(translation).status().code())
                .isEqualTo("in_review");
        assertThat(translator.get("/admin/users").statusCode()).isEqualTo(403);
    }

    @Test
    void an_author_edits_only_their_own_articles_and_cannot_publish() {
        StaffClient author = StaffClient.signIn(site, "author@example.org", PASSWORD);
        long own = created(
                author.post("/admin/articles", Map.of("language", "en", "headline", "My own story", "body", "Mine.")));
        assertThat(author.get("/admin/articles/" + own).statusCode()).isEqualTo(200);
        assertThat(author.get("/admin/articles/1").statusCode()).isEqualTo(403);
        assertThat(author.post("/admin/articles/" + own + "/workflow", Map.of("step", "publish"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(author.post("/admin/articles/" + own + "/workflow", Map.of("step", "submit"))
                        .statusCode())
                .isEqualTo(303);
    }

    @Test
    void sign_in_is_throttled_per_account_even_with_the_right_password_then() {
        site.wiring()
                .accounts()
                .accounts()
                .create("target@example.org", "T", Role.AUTHOR, Set.of(), PASSWORD, Actor.TERMINAL);
        StaffClient attacker = StaffClient.anonymous(site);
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.attemptSignIn("target@example.org", "wrong password " + i)
                            .statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> blocked = attacker.attemptSignIn("target@example.org", PASSWORD);
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(Jsoup.parse(blocked.body()).select("[role=alert]").text()).contains("Too many failed attempts");
        assertThat(StaffClient.cookie(blocked, "wargeys_session")).isEmpty();
        assertThat(site.wiring().platform().audit().recent(50))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("login.throttled"));
    }

    @Test
    void sign_in_is_throttled_per_address_across_accounts() {
        // A site of its own: once throttled, every sign-in from this address would be refused on the
        // shared site too.
        TestSite other = TestSite.start(database(), false);
        try {
            other.wiring()
                    .accounts()
                    .accounts()
                    .create("someone@example.org", "S", Role.AUTHOR, Set.of(), PASSWORD, Actor.TERMINAL);
            StaffClient attacker = StaffClient.anonymous(other);
            for (int i = 0; i < 20; i++) {
                assertThat(attacker.attemptSignIn("guess" + i + "@example.org", "wrong password")
                                .statusCode())
                        .isEqualTo(401);
            }
            assertThat(attacker.attemptSignIn("someone@example.org", PASSWORD).statusCode())
                    .isEqualTo(429);
        } finally {
            other.deleteData();
        }
    }

    @Test
    void a_session_survives_a_restart() {
        // A site of its own: it is restarted, and a second node joins it.
        TestSite restartable = TestSite.start(database(), false);
        try {
            restartable
                    .wiring()
                    .accounts()
                    .accounts()
                    .create("night@example.org", "N", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
            String cookie = StaffClient.signIn(restartable, "night@example.org", PASSWORD)
                    .sessionCookie();
            restartable = restartable.restart();
            assertThat(restartable
                            .get("/admin/articles", Map.of("Cookie", "wargeys_session=" + cookie))
                            .statusCode())
                    .isEqualTo(200);
            try (TestSite node2 = restartable.secondNode()) {
                assertThat(node2.get("/admin/articles", Map.of("Cookie", "wargeys_session=" + cookie))
                                .statusCode())
                        .isEqualTo(200);
            }
        } finally {
            restartable.deleteData();
        }
    }

    static long created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.replaceAll("^/admin/articles/(\\d+).*$", "$1"));
    }
}
