package org.wargeys.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wargeys.account.Role;
import org.wargeys.article.Article;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestSite;

/**
 * The newsroom's door checks that no database can change, on one SQLite demo site: CSRF refusals, the
 * sign-in form's own token, the cookies' flags and X-Forwarded-Proto, public pages without cookies,
 * and hostile markup kept from readers. Sessions, roles, throttling and restarts, which the database
 * keeps, are in {@code NewsroomSecurityIT}, on both databases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsroomGateIT {

    static final String PASSWORD = "correct horse battery";

    TestSite site;

    @BeforeAll
    void start() {
        site = TestSite.start(DatabaseKind.SQLITE);
        site.wiring()
                .accounts()
                .accounts()
                .create("editor@example.org", "Edna Editor", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
        site.wiring()
                .accounts()
                .accounts()
                .create("author@example.org", "Asha", Role.AUTHOR, Set.of(), PASSWORD, Actor.TERMINAL);
    }

    @AfterAll
    void stop() {
        if (site != null) site.deleteData();
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
        assertThat(response.headers().firstValue("Location")).hasValue("/admin");
    }

    @Test
    void forwarded_proto_from_an_untrusted_peer_does_not_make_the_cookie_secure() {
        HttpResponse<String> response = site.get("/admin/login", Map.of("X-Forwarded-Proto", "https"));
        assertThat(StaffClient.setCookies(response))
                .allSatisfy(c -> assertThat(c).doesNotContain("Secure"));
    }

    @Test
    void forwarded_proto_https_from_a_trusted_proxy_makes_the_cookie_secure() {
        try (TestSite proxied = TestSite.behindProxy(DatabaseKind.SQLITE, List.of("127.0.0.1"))) {
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

    static long created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.replaceAll("^/admin/articles/(\\d+).*$", "$1"));
    }
}
