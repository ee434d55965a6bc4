package org.wargeys.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wargeys.account.Role;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.ApiClient;
import org.wargeys.testsupport.ApiContract;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestSite;
import org.wargeys.web.MessageBundles;

/**
 * What the API does over HTTP whatever the database (so on SQLite only): CORS for the configured
 * origins, content keys when the site requires them, rate limits per address and per key that hold
 * on the cached path too, localized problem details, the OpenAPI document, and webhook targets on
 * private networks refused. Each test starts the site its settings need.
 */
class ApiHttpIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void pages_of_configured_origins_may_read_the_api_and_others_may_not() {
        TestSite site =
                TestSite.start(DatabaseKind.SQLITE, true, Map.of("api.cors_origins", "https://app.example.org"));
        try {
            ApiClient api = ApiClient.anonymous(site);
            String path = "/api/v1/articles?language=en";
            for (int i = 0; i < 2; i++) { // a miss, then a hit served straight from the cache
                HttpResponse<String> answer = api.get(path, Map.of("Origin", "https://app.example.org"));
                assertThat(answer.headers().firstValue("Access-Control-Allow-Origin"))
                        .hasValue("https://app.example.org");
                assertThat(answer.headers().firstValue("Vary").orElseThrow()).contains("Origin");
            }
            assertThat(api.get(path).headers().firstValue("X-Cache")).hasValue("HIT");
            assertThat(api.get(path, Map.of("Origin", "https://evil.example"))
                            .headers()
                            .firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();
            HttpResponse<String> preflight = api.send(
                    "OPTIONS",
                    path,
                    null,
                    (String) null,
                    Map.of("Origin", "https://app.example.org", "Access-Control-Request-Method", "GET"));
            assertThat(preflight.statusCode()).isEqualTo(204);
            assertThat(preflight
                            .headers()
                            .firstValue("Access-Control-Allow-Headers")
                            .orElseThrow())
                    .contains("X-Api-Key");
        } finally {
            site.deleteData();
        }
    }

    @Test
    void a_site_that_requires_content_keys_answers_only_requests_with_a_live_key() {
        TestSite site = TestSite.start(DatabaseKind.SQLITE, true, Map.of("api.content_keys", "required"));
        try {
            var keys = site.wiring().api().contentKeys();
            var created = keys.create("Radio Hiiraan app", 100, Actor.TERMINAL);
            ApiClient anonymous = ApiClient.anonymous(site);
            ApiClient app = ApiClient.withHeaders(site, Map.of("X-Api-Key", created.value()));
            String path = "/api/v1/articles?language=en";
            assertThat(anonymous.get(path).statusCode()).isEqualTo(401);
            assertThat(app.get(path).statusCode()).isEqualTo(200);
            HttpResponse<String> hit = app.get(path);
            assertThat(hit.headers().firstValue("X-Cache")).hasValue("HIT");
            assertThat(hit.headers().firstValue("Cache-Control").orElseThrow()).startsWith("private");
            assertThat(anonymous.get(path).statusCode())
                    .as("not from the cache either")
                    .isEqualTo(401);
            assertThat(ApiClient.withHeaders(site, Map.of("X-Api-Key", "wgk_guess"))
                            .get(path)
                            .statusCode())
                    .isEqualTo(401);
            keys.revoke(created.key().id(), Actor.TERMINAL);
            assertThat(app.get(path).statusCode()).isEqualTo(401);
        } finally {
            site.deleteData();
        }
    }

    @Test
    void each_address_and_each_key_has_its_own_rate_limit_on_the_cached_path_too() throws Exception {
        TestSite site = TestSite.start(DatabaseKind.SQLITE, true, Map.of("api.rate_limit_per_minute", "3"));
        try {
            ApiClient api = ApiClient.anonymous(site);
            String path = "/api/v1/sections";
            for (int i = 0; i < 3; i++) assertThat(api.get(path).statusCode()).isEqualTo(200);
            HttpResponse<String> limited = api.get(path);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).isPresent();
            assertThat(limited.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/problem+json");
            var key = site.wiring().api().contentKeys().create("partner widget", 5, Actor.TERMINAL);
            HttpResponse<String> keyed = ApiClient.withHeaders(site, Map.of("X-Api-Key", key.value()))
                    .get(path);
            assertThat(keyed.statusCode()).as("a key counts on its own").isEqualTo(200);
            assertThat(keyed.headers().firstValue("RateLimit-Limit")).hasValue("5");
        } finally {
            site.deleteData();
        }
    }

    @Test
    void problems_are_problem_details_worded_in_the_askers_language() throws Exception {
        TestSite site = TestSite.start(DatabaseKind.SQLITE, true);
        try {
            ApiClient api = ApiClient.anonymous(site);
            HttpResponse<String> unknown = api.get("/api/v1/articles?languag=en", Map.of("Accept-Language", "ar"));
            assertThat(unknown.statusCode()).isEqualTo(422);
            assertThat(unknown.headers().firstValue("Content-Language")).hasValue("ar");
            var problem = JSON.readTree(unknown.body());
            assertThat(problem.path("title").asText())
                    .isEqualTo(MessageBundles.load("ar").get("api.problem.validation"));
            assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("languag");

            HttpResponse<String> missing = api.get("/api/v1/no-such-thing", Map.of("Accept-Language", "so"));
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(missing.body()).path("detail").asText())
                    .isEqualTo(MessageBundles.load("so").get("api.problem.not_found.detail"));
            assertThat(api.get("/api/v1/articles?cursor=junk").statusCode()).isEqualTo(422);
            assertThat(api.get("/api/v1/articles/12345678").statusCode()).isEqualTo(404);
        } finally {
            site.deleteData();
        }
    }

    @Test
    void the_openapi_document_is_served_with_this_sites_address_and_parses() {
        TestSite site = TestSite.start(DatabaseKind.SQLITE, false);
        try {
            HttpResponse<String> answer = ApiClient.anonymous(site).get("/api/v1/openapi.json");
            assertThat(answer.statusCode()).isEqualTo(200);
            var parsed = ApiContract.parse(answer.body());
            assertThat(parsed.getMessages()).isEmpty();
            assertThat(parsed.getOpenAPI().getServers().get(0).getUrl()).isEqualTo(site.baseUrl());
        } finally {
            site.deleteData();
        }
    }

    @Test
    void webhook_targets_on_loopback_or_private_networks_are_refused_unless_allowed() {
        TestSite site = TestSite.start(DatabaseKind.SQLITE, false);
        try {
            site.wiring()
                    .accounts()
                    .accounts()
                    .create(
                            "admin@example.org",
                            "Ada",
                            Role.ADMINISTRATOR,
                            Set.of(),
                            "correct horse battery",
                            Actor.TERMINAL);
            StaffClient admin = StaffClient.signIn(site, "admin@example.org", "correct horse battery");
            for (String url : new String[] {
                "http://127.0.0.1:9/hook",
                "http://169.254.169.254/latest/meta-data",
                "http://10.1.2.3/x",
                "http://[::1]/x"
            }) {
                HttpResponse<String> refused =
                        admin.post("/admin/webhooks", Map.of("url", url, "events", "article.published"));
                assertThat(refused.statusCode()).as(url).isEqualTo(400);
                assertThat(refused.body())
                        .contains(MessageBundles.load("en")
                                .get("webhook.error.url_private")
                                .substring(0, 20));
            }
            assertThat(site.wiring().webhooks().endpoints().list()).isEmpty();
        } finally {
            site.deleteData();
        }
    }
}
