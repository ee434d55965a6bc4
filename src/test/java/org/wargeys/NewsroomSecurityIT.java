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
import org.wargeys.article.Article;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestSite;

/**
 * The newsroom's doors over real HTTP, on each database (see the subclasses): every /admin route
 * refuses anonymous users, every POST needs the session's CSRF token, roles are enforced, sign-in
 * is throttled, cookies exist only under /admin, and no script reaches a reader.
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
            String path = route.path().replace("{id}", "1").replace("{revision}", "1");
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
    void a_post_without_the_sessions_csrf_token_is_refused() {
        StaffClient editor = StaffClient.signIn(site, "editor@example.org", PASSWORD);
        int before = site.wiring().articles().service().count();
        Map<String, String> article = Map.of("language", "en", "headline", "Forged", "body", "x");
        assertThat(editor.postRaw("/admin/articles", article).statusCode()).isEqualTo(403);
        Map<String, String> wrong = new java.util.HashMap<>(article);
        wrong.put(
                "csrf", StaffClient.signIn(site, "author@example.org", PASSWORD).csrf());
        assertThat(editor.postRaw("/admin/articles", wrong).statusCode()).isEqualTo(403);
        assertThat(site.wiring().articles().service().count()).isEqualTo(before);
        assertThat(editor.post("/admin/articles", Map.of("language", "en", "headline", "Real article", "body", "Text."))
                        .statusCode())
                .isEqualTo(303);
    }

    @Test
    void sign_in_refuses_a_post_without_its_own_token() {
        HttpResponse<String> response = StaffClient.anonymous(site)
                .postRaw("/admin/login", Map.of("email", "editor@example.org", "password", PASSWORD));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(StaffClient.cookie(response, "wargeys_session")).isEmpty();
    }

    @Test
    void session_cookie_is_http_only_lax_and_limited_to_the_newsroom() {
        StaffClient client = StaffClient.anonymous(site);
        HttpResponse<String> response = client.attemptSignIn("editor@example.org", PASSWORD);
        String cookie = StaffClient.setCookies(response).stream()
                .filter(c -> c.startsWith("wargeys_session="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("Path=/admin", "HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        assertThat(response.headers().firstValue("Location")).hasValue("/admin/articles");
    }

    @Test
    void forwarded_proto_from_an_untrusted_peer_does_not_make_the_cookie_secure() {
        HttpResponse<String> response = site.get("/admin/login", Map.of("X-Forwarded-Proto", "https"));
        assertThat(StaffClient.setCookies(response))
                .allSatisfy(c -> assertThat(c).doesNotContain("Secure"));
    }

    @Test
    void forwarded_proto_https_from_a_trusted_proxy_makes_the_cookie_secure() {
        try (TestSite proxied = TestSite.behindProxy(database(), List.of("127.0.0.1"))) {
            HttpResponse<String> response = proxied.get("/admin/login", Map.of("X-Forwarded-Proto", "https"));
            assertThat(StaffClient.setCookies(response))
                    .isNotEmpty()
                    .allSatisfy(c -> assertThat(c).contains("; Secure"));
            proxied.deleteData();
        }
    }

    @Test
    void public_pages_never_set_a_cookie_even_for_signed_in_staff() {
        StaffClient.signIn(site, "editor@example.org", PASSWORD);
        for (String path : List.of(
                "/", "/en/", "/so/", "/en/2020/12/iran-vows-soleimani-revenge", "/en/no-such-page", "/healthz")) {
            assertThat(StaffClient.setCookies(site.get(path))).as(path).isEmpty();
        }
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
    void script_event_handlers_and_javascript_urls_in_a_body_never_reach_a_reader() {
        StaffClient editor = StaffClient.signIn(site, "editor@example.org", PASSWORD);
        String body =
                "Opening paragraph.\n\n<script>alert('s')</script>\n\n<img src=\"x.png\" onerror=\"alert('e')\" alt=\"x\">\n\n"
                        + "[click](javascript:alert('j')) and <a href=\"JaVaScRiPt:alert('k')\">this</a>\n\n<p onclick=\"alert('c')\">Closing.</p>";
        long id = created(editor.post(
                "/admin/articles",
                Map.of("language", "en", "headline", "Hostile body", "body", body, "slug", "hostile-body")));
        assertThat(editor.post("/admin/articles/" + id + "/workflow", Map.of("step", "publish"))
                        .statusCode())
                .isEqualTo(303);
        Article article = site.wiring().articles().service().find(id);
        String html = site.get(new org.wargeys.article.ArticlePaths(
                                site.wiring().platform().site().timezone())
                        .path(article))
                .body();
        String preview = editor.post(
                        "/admin/preview", Map.of("article_id", String.valueOf(id), "headline", "Hostile", "body", body))
                .body();
        for (String page : List.of(html, preview)) {
            var readerBody = Jsoup.parse(page).selectFirst(".article-body");
            assertThat(readerBody.text()).contains("Opening paragraph.", "Closing.");
            assertThat(readerBody.html().toLowerCase(java.util.Locale.ROOT))
                    .doesNotContain("<script", "onerror", "onclick", "javascript:", "alert(");
            // The only script without a source is the page's own JSON-LD, which is data and never runs.
            assertThat(Jsoup.parse(page).select("script:not([src]):not([type=application/ld+json])"))
                    .isEmpty();
            assertThat(Jsoup.parse(page)
                            .select("script[type=application/ld+json]")
                            .html())
                    .doesNotContain("alert(", "<");
        }
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
