package org.wargeys.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.wargeys.platform.AuditEntry;
import org.wargeys.testsupport.ApiClient;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestClock;
import org.wargeys.testsupport.TestSite;
import org.wargeys.web.MessageBundles;

/**
 * The admin API on both databases: personal access tokens made in the newsroom (shown once, stored
 * hashed, scoped, expiring, revocable, never beyond the owner's role), and the newsroom's use cases
 * through the same services — create, edit with If-Match, the workflow, translations, corrections,
 * images, sections and tags — with the same messages, audited with the token named, and POSTs made
 * once per Idempotency-Key. Every answer is checked against the OpenAPI document. One site per
 * database; its clock moves forward only in the expiry test, which signs in again afterwards.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiIT {

    static final String PASSWORD = "correct horse battery";
    static final ObjectMapper JSON = new ObjectMapper();

    @Parameter
    DatabaseKind database;

    TestSite site;
    TestClock clock;

    @BeforeParameterizedClassInvocation
    void start() {
        clock = new TestClock(TestSite.NOW);
        site = TestSite.start(database, true, Map.of(), clock);
        var accounts = site.wiring().accounts().accounts();
        accounts.create("editor@example.org", "Edna", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
        accounts.create("author@example.org", "Abdi", Role.AUTHOR, Set.of(), PASSWORD, Actor.TERMINAL);
        accounts.create("translator@example.org", "Tariq", Role.TRANSLATOR, Set.of("ar"), PASSWORD, Actor.TERMINAL);
        accounts.create("leaver@example.org", "Luul", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (site != null) site.deleteData();
    }

    /** Makes a token through the newsroom's form, as a staff member does; returns its secret. */
    String token(String email, String name, int days, String... scopes) {
        StaffClient staff = StaffClient.signIn(site, email, PASSWORD);
        StringBuilder form = new StringBuilder(
                "name=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8) + "&days=" + days);
        for (String scope : scopes) form.append("&scopes=").append(scope);
        HttpResponse<String> made = staff.postEncoded("/admin/tokens", form.toString());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return Jsoup.parse(made.body()).selectFirst("#new-secret").val();
    }

    ApiClient editor() {
        return ApiClient.withToken(
                site,
                token(
                        "editor@example.org",
                        "desk script",
                        90,
                        "drafts:read",
                        "articles:write",
                        "articles:publish",
                        "media:write",
                        "taxonomy:write"));
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    static String article(String headline) {
        return "{\"language\":\"en\",\"headline\":\"" + headline
                + "\",\"body\":\"Text of the story.\",\"section\":\"world\",\"tags\":[\"iran\"],\"authors\":[\"newsroom\"],"
                + "\"dateline\":{\"place\":\"MOGADISHU\",\"outlet\":\"WARSOOR\"}}";
    }

    @Test
    void a_token_is_shown_once_stored_hashed_and_named_in_the_audit_log_of_what_it_changes() throws Exception {
        String secret = token("editor@example.org", "teleprompter", 30, "drafts:read", "articles:write");
        assertThat(secret).startsWith("wgy_");
        String stored = site.wiring()
                .platform()
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT token_hash FROM api_tokens WHERE name = 'teleprompter'")
                        .mapTo(String.class)
                        .one());
        assertThat(stored).isNotEqualTo(secret).doesNotContain(secret.substring(4));
        assertThat(StaffClient.signIn(site, "editor@example.org", PASSWORD)
                        .get("/admin/tokens")
                        .body())
                .contains("teleprompter")
                .doesNotContain(secret);

        ApiClient api = ApiClient.withToken(site, secret);
        assertThat(json(api.get("/api/v1/admin/token")).path("owner").asText()).isEqualTo("editor@example.org");
        HttpResponse<String> created = api.post("/api/v1/admin/articles", article("Teleprompter test"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        assertThat(site.wiring().platform().audit().recent(10))
                .filteredOn(e -> e.action().equals("article.create"))
                .extracting(AuditEntry::actor)
                .contains("editor@example.org via token 'teleprompter'");
        var token = site
                .wiring()
                .api()
                .tokens()
                .of(site.wiring()
                        .accounts()
                        .accounts()
                        .require("editor@example.org")
                        .id())
                .stream()
                .filter(t -> t.name().equals("teleprompter"))
                .findFirst()
                .orElseThrow();
        assertThat(token.lastUsedAt()).isNotNull();
        assertThat(token.lastUsedAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void an_article_is_created_edited_with_if_match_and_taken_through_the_workflow() throws Exception {
        ApiClient api = editor();
        HttpResponse<String> created = api.post("/api/v1/admin/articles", article("Port of Berbera expands"));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode draft = json(created);
        String location = created.headers().firstValue("Location").orElseThrow().replace(site.baseUrl(), "");
        assertThat(draft.path("status").asText()).isEqualTo("draft");
        assertThat(api.get(location).headers().firstValue("ETag")).hasValue("\"1\"");

        String change = "{\"headline\":\"Port of Berbera expands again\"}";
        assertThat(api.patch(location, change, Map.of()).statusCode()).isEqualTo(428);
        HttpResponse<String> saved = api.patch(location, change, Map.of("If-Match", "\"1\""));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(json(saved).path("revision").asInt()).isEqualTo(2);
        assertThat(json(saved).path("tags").get(0).asText()).as("kept").isEqualTo("iran");

        HttpResponse<String> stale = api.patch(location, "{\"headline\":\"Lost update\"}", Map.of("If-Match", "\"1\""));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).path("current_revision").asInt()).isEqualTo(2);

        long id = draft.path("id").asLong();
        String steps = "/api/v1/admin/articles/" + id + "/workflow";
        assertThat(json(api.post(steps, "{\"step\":\"submit\"}")).path("status").asText())
                .isEqualTo("in_review");
        HttpResponse<String> scheduled = api.post(steps, "{\"step\":\"schedule\",\"at\":\"2026-11-26T06:00:00Z\"}");
        assertThat(json(scheduled).path("status").asText()).as(scheduled.body()).isEqualTo("scheduled");
        assertThat(json(api.post(steps, "{\"step\":\"publish\"}"))
                        .path("status")
                        .asText())
                .isEqualTo("published");
        assertThat(ApiClient.anonymous(site).get("/api/v1/articles/" + id).statusCode())
                .isEqualTo(200);
        assertThat(json(api.post(steps, "{\"step\":\"unpublish\"}"))
                        .path("status")
                        .asText())
                .isEqualTo("unpublished");
        assertThat(ApiClient.anonymous(site).get("/api/v1/articles/" + id).statusCode())
                .isEqualTo(404);
        assertThat(json(api.get("/api/v1/admin/articles?status=unpublished"))
                        .path("items")
                        .findValuesAsText("headline"))
                .contains("Port of Berbera expands again");
    }

    @Test
    void validation_problems_name_each_field_in_the_askers_language() throws Exception {
        ApiClient api = editor();
        HttpResponse<String> refused = api.post(
                "/api/v1/admin/articles",
                "{\"language\":\"en\",\"headline\":\"\",\"body\":\"x\",\"section\":\"no-such-section\"}",
                Map.of("Accept-Language", "so"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Language")).hasValue("so");
        JsonNode problem = json(refused);
        var somali = MessageBundles.load("so");
        // A draft may have no headline yet (the editor keeps one from the first keystroke, the API
        // alike); an unknown section is refused.
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("section");
        assertThat(problem.path("errors").findValuesAsText("detail"))
                .contains(somali.get("article.error.section_unknown").replace("{section}", "no-such-section"));

        assertThat(problem.path("detail").asText()).isEqualTo(somali.get("api.problem.validation.detail"));
        HttpResponse<String> typo =
                api.post("/api/v1/admin/articles", "{\"headlin\":\"x\"}", Map.of("Accept-Language", "ar"));
        assertThat(json(typo).path("errors").get(0).path("field").asText()).isEqualTo("headlin");
        assertThat(typo.headers().firstValue("Content-Language")).hasValue("ar");
    }

    @Test
    void a_token_never_does_more_than_its_scopes_or_its_owners_role() throws Exception {
        ApiClient author = ApiClient.withToken(
                site, token("author@example.org", "my drafts", 30, "drafts:read", "articles:write"));
        JsonNode own = json(author.post("/api/v1/admin/articles", article("An author's draft")));
        String steps = "/api/v1/admin/articles/" + own.path("id").asLong() + "/workflow";
        assertThat(author.post(steps, "{\"step\":\"submit\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> publish = author.post(steps, "{\"step\":\"publish\"}");
        assertThat(publish.statusCode()).isEqualTo(403);
        assertThat(json(publish).path("type").asText()).isEqualTo("urn:wargeys:problem:insufficient-scope");

        // Another's article is not there for an author (as in the newsroom).
        long editors = json(editor().post("/api/v1/admin/articles", article("Editor's own")))
                .path("id")
                .asLong();
        assertThat(author.get("/api/v1/admin/articles/" + editors).statusCode()).isEqualTo(404);

        // The role decides too: a translator's token cannot create an article.
        ApiClient translator =
                ApiClient.withToken(site, token("translator@example.org", "translations", 30, "articles:write"));
        HttpResponse<String> refused = translator.post("/api/v1/admin/articles", article("Not mine to write"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).path("type").asText()).isEqualTo("urn:wargeys:problem:forbidden");
        // A scope beyond the role cannot even be chosen.
        StaffClient author2 = StaffClient.signIn(site, "author@example.org", PASSWORD);
        assertThat(author2.postEncoded("/admin/tokens", "name=x&days=30&scopes=articles:publish")
                        .statusCode())
                .isEqualTo(400);

        // A token follows its owner's role as it is now.
        String leaver =
                token("leaver@example.org", "old desk", 30, "drafts:read", "articles:write", "articles:publish");
        ApiClient leaverApi = ApiClient.withToken(site, leaver);
        long id = json(leaverApi.post("/api/v1/admin/articles", article("Leaver's story")))
                .path("id")
                .asLong();
        var accounts = site.wiring().accounts().accounts();
        long leaverId = accounts.require("leaver@example.org").id();
        accounts.changeRole(leaverId, Role.AUTHOR, Set.of(), Actor.TERMINAL);
        assertThat(leaverApi
                        .post("/api/v1/admin/articles/" + id + "/workflow", "{\"step\":\"publish\"}")
                        .statusCode())
                .isEqualTo(403);
        accounts.disable(leaverId, Actor.TERMINAL);
        assertThat(leaverApi.get("/api/v1/admin/token").statusCode()).isEqualTo(401);
    }

    @Test
    void a_revoked_or_expired_token_no_longer_works() throws Exception {
        String secret = token("editor@example.org", "short lived", 7, "drafts:read");
        ApiClient api = ApiClient.withToken(site, secret);
        assertThat(api.get("/api/v1/admin/token").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofDays(8));
        assertThat(api.get("/api/v1/admin/token").statusCode()).isEqualTo(401);

        String other = token("editor@example.org", "to revoke", 30, "drafts:read");
        var tokens = site.wiring().api().tokens();
        var editor = site.wiring().accounts().accounts().require("editor@example.org");
        long id = tokens.of(editor.id()).stream()
                .filter(t -> t.name().equals("to revoke"))
                .findFirst()
                .orElseThrow()
                .id();
        StaffClient staff = StaffClient.signIn(site, "editor@example.org", PASSWORD);
        assertThat(staff.post("/admin/tokens/" + id + "/revoke", Map.of()).statusCode())
                .isEqualTo(303);
        HttpResponse<String> refused = ApiClient.withToken(site, other).get("/api/v1/admin/token");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
    }

    @Test
    void the_session_cookie_does_not_open_the_admin_api() {
        StaffClient staff = StaffClient.signIn(site, "editor@example.org", PASSWORD);
        HttpResponse<String> answer = staff.get("/api/v1/admin/articles");
        assertThat(answer.statusCode()).isEqualTo(401);
    }

    @Test
    void translations_corrections_images_sections_and_tags_go_through_the_newsrooms_services() throws Exception {
        ApiClient api = editor();
        long source = json(api.post("/api/v1/admin/articles", article("Rains return to Baidoa")))
                .path("id")
                .asLong();
        api.post("/api/v1/admin/articles/" + source + "/workflow", "{\"step\":\"publish\"}");

        HttpResponse<String> started =
                api.post("/api/v1/admin/articles/" + source + "/translations", "{\"language\":\"ar\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode translation = json(started);
        assertThat(translation.path("language").asText()).isEqualTo("ar");
        assertThat(translation.path("source").path("article_id").asLong()).isEqualTo(source);
        // The source changes; the translation is brought up to date by saying which revision it reflects.
        api.patch(
                "/api/v1/admin/articles/" + source,
                "{\"standfirst\":\"The rains are back.\"}",
                Map.of("If-Match", "1"));
        String path = "/api/v1/admin/articles/" + translation.path("id").asLong();
        assertThat(json(api.get(path)).path("source").path("outdated").asBoolean())
                .isTrue();
        HttpResponse<String> updated = api.patch(
                path, "{\"headline\":\"عودة الأمطار إلى بيدوا\",\"source_revision\":2}", Map.of("If-Match", "1"));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(json(updated).path("source").path("outdated").asBoolean()).isFalse();

        HttpResponse<String> corrected =
                api.post("/api/v1/admin/articles/" + source + "/corrections", "{\"note\":\"The town was misnamed.\"}");
        assertThat(corrected.statusCode()).isEqualTo(201);
        assertThat(json(corrected).path("corrections").get(0).path("note").asText())
                .isEqualTo("The town was misnamed.");

        HttpResponse<String> uploaded = api.postFile(
                "/api/v1/admin/media",
                Map.of("alt_en", "Rain over Baidoa", "credit", "Warsoor"),
                ContentApiIT.jpeg(),
                Map.of());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(json(uploaded).path("renditions").size()).isGreaterThan(1);
        HttpResponse<String> noAlt = api.postFile("/api/v1/admin/media", Map.of(), ContentApiIT.jpeg(), Map.of());
        assertThat(noAlt.statusCode()).isEqualTo(422);

        assertThat(api.put("/api/v1/admin/sections/climate", "{\"names\":{\"en\":\"Climate\",\"so\":\"Cimilada\"}}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.put("/api/v1/admin/tags/drought", "{\"names\":{\"en\":\"Drought\"}}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(json(ApiClient.anonymous(site).get("/api/v1/sections?language=so"))
                        .path("items")
                        .findValuesAsText("name"))
                .contains("Cimilada");
        assertThat(api.put("/api/v1/admin/sections/Bad_Key", "{\"names\":{\"en\":\"X\"}}")
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void a_post_with_an_idempotency_key_is_done_once_even_when_sent_twice_at_once() throws Exception {
        ApiClient api = editor();
        int before = site.wiring().articles().service().count();
        Map<String, String> key = Map.of("Idempotency-Key", "create-" + database);
        HttpResponse<String> first = api.post("/api/v1/admin/articles", article("Once only"), key);
        HttpResponse<String> again = api.post("/api/v1/admin/articles", article("Once only"), key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(api.post("/api/v1/admin/articles", article("Something else"), key)
                        .statusCode())
                .isEqualTo(422);

        Map<String, String> twins = Map.of("Idempotency-Key", "twins-" + database);
        var threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<HttpResponse<String>> call = () -> api.post("/api/v1/admin/articles", article("Twins"), twins);
                answers.add(threads.submit(call));
            }
            for (var answer : answers) assertThat(answer.get().statusCode()).isEqualTo(201);
        } finally {
            threads.shutdown();
        }
        assertThat(site.wiring().articles().service().count()).isEqualTo(before + 2);
    }
}
