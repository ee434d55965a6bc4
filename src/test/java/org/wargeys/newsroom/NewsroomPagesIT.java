package org.wargeys.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wargeys.account.Role;
import org.wargeys.account.User;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleDraft;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestSite;
import org.wargeys.web.MessageBundles;

/**
 * What the newsroom says, whatever the database: its dead ends (signed out, not allowed, a stale form
 * or tab, not found, bad input) as newsroom pages in the staff member's language with a way on; the
 * confirmation after an action; staff added with a one-time password shown once; the audit log as
 * sentences, filtered and paged. One SQLite demo site for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsroomPagesIT {

    static final String PASSWORD = "correct horse battery";
    static final Map<String, String> SOMALI = Map.of("Accept-Language", "so");

    TestSite site;
    User ada;
    StaffClient admin;
    StaffClient editor;
    StaffClient author;

    @BeforeAll
    void start() {
        site = TestSite.start(DatabaseKind.SQLITE);
        var accounts = site.wiring().accounts().accounts();
        ada = accounts.create("ada@example.org", "Ada", Role.ADMINISTRATOR, Set.of(), PASSWORD, Actor.TERMINAL);
        accounts.create("edna@example.org", "Edna", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
        accounts.create("asha@example.org", "Asha", Role.AUTHOR, Set.of(), PASSWORD, Actor.TERMINAL);
        admin = StaffClient.signIn(site, "ada@example.org", PASSWORD);
        editor = StaffClient.signIn(site, "edna@example.org", PASSWORD);
        author = StaffClient.signIn(site, "asha@example.org", PASSWORD);
    }

    @AfterAll
    void stop() {
        if (site != null) site.deleteData();
    }

    private Article draft(String headline) {
        return site.wiring()
                .articles()
                .service()
                .createDraft(
                        new ArticleDraft(
                                "en", null, headline, null, null, null, "Body.", "world", List.of(), List.of()),
                        new Actor(ada.id(), ada.email(), null));
    }

    @Test
    void an_ended_session_sends_a_page_to_sign_in_again_and_an_action_gets_a_newsroom_page_that_says_so() {
        String stale = "wargeys_session=no-longer-a-session";
        HttpResponse<String> page = site.get("/admin/articles?q=rain", Map.of("Cookie", stale));
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location"))
                .hasValue("/admin/login?next=%2Fadmin%2Farticles%3Fq%3Drain&reason=expired");
        assertThat(StaffClient.setCookies(page)).anySatisfy(c -> assertThat(c).startsWith("wargeys_session=;"));
        Document signIn = Jsoup.parse(
                site.get("/admin/login?next=%2Fadmin&reason=expired", SOMALI).body());
        assertThat(signIn.select("[role=alert]").text())
                .isEqualTo("Fadhigaagii wuu dhammaaday. Mar kale gal si aad uga sii wadato halkii aad joogtay.");

        HttpResponse<String> action = site.send(HttpRequest.newBuilder(
                        URI.create(site.baseUrl().replace("localhost", "127.0.0.1") + "/admin/articles/bulk"))
                .header("Cookie", stale)
                .header("Accept-Language", "so")
                .header("Referer", site.baseUrl() + "/admin/articles?q=rain")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=publish"))
                .build());
        assertThat(action.statusCode()).isEqualTo(401);
        Document answer = Jsoup.parse(action.body());
        assertThat(answer.select("html").attr("lang")).isEqualTo("so");
        // A form's action: signing in again on the spot, what was sent kept to be sent again.
        assertThat(answer.select("[role=alert]").text())
                .isEqualTo(MessageBundles.load("so").get("newsroom.sign_in.session_ended"));
        assertThat(answer.select("form[action='/admin/login'] input[name=carried_name][value=action]"))
                .isNotEmpty();
        assertThat(answer.select("link[rel=stylesheet]").attr("href")).contains("newsroom");

        // A call that is not a form (JSON): the newsroom's page that says so, with its way back in.
        HttpResponse<String> call = site.send(HttpRequest.newBuilder(
                        URI.create(site.baseUrl().replace("localhost", "127.0.0.1") + "/admin/articles/bulk"))
                .header("Cookie", stale)
                .header("Accept-Language", "so")
                .header("Referer", site.baseUrl() + "/admin/articles?q=rain")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
        assertThat(call.statusCode()).isEqualTo(401);
        Document said = Jsoup.parse(call.body());
        assertThat(said.select("h1").text()).isEqualTo("Fadhigaagii wuu dhammaaday");
        assertThat(said.select(".way-on").attr("href"))
                .isEqualTo("/admin/login?next=%2Fadmin%2Farticles%3Fq%3Drain&reason=expired");
    }

    @Test
    void a_role_that_may_not_gets_a_page_naming_the_role_with_a_way_back_in_its_language() {
        HttpResponse<String> refused = author.get("/admin/users", SOMALI);
        assertThat(refused.statusCode()).isEqualTo(403);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("h1").text()).isEqualTo("Doorkaagu ma oggola tan");
        assertThat(page.select(".error-page p").first().text()).contains("Qoraa");
        assertThat(page.select(".way-on").attr("href")).isEqualTo("/admin");
        assertThat(page.select("nav.layout-nav a[href=/admin/users]"))
                .as("the menu offers only what the role may do")
                .isEmpty();
        assertThat(page.select("nav.layout-nav a[href=/admin/articles/new]")).hasSize(1);
        Document adminsMenu = admin.page("/admin");
        assertThat(adminsMenu.select("nav.layout-nav a[href=/admin/users], nav.layout-nav a[href=/admin/settings]"))
                .hasSize(2);
    }

    @Test
    void not_found_and_bad_input_are_newsroom_pages_and_the_editors_script_gets_json() {
        HttpResponse<String> missing = editor.get("/admin/articles/99999999", SOMALI);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(missing.body()).select("h1").text()).isEqualTo("Kuma jiro qolka wararka");
        HttpResponse<String> nowhere = editor.get("/admin/nowhere/at/all");
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(nowhere.body()).select(".way-on").attr("href")).isEqualTo("/admin/articles");

        HttpResponse<String> json = editor.get("/admin/articles/99999999", Map.of("Accept", "application/json"));
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(json.body()).contains("\"status\":404");

        HttpResponse<String> bad = editor.get("/admin/audit?from=yesterday");
        assertThat(bad.statusCode()).as("editors do not see the audit log").isEqualTo(403);
        HttpResponse<String> badDate = admin.get("/admin/audit?from=yesterday");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(badDate.body()).select("[role=alert]").text()).contains("“yesterday” is not a date.");
    }

    @Test
    void a_step_from_a_stale_tab_says_what_changed_and_offers_to_reload() {
        Article story = draft("Stale tab story");
        assertThat(editor.post("/admin/articles/" + story.id() + "/workflow", Map.of("step", "publish"))
                        .statusCode())
                .isEqualTo(303);
        // Another tab, opened before, still offers "submit for review".
        HttpResponse<String> stale = admin.post(
                "/admin/articles/" + story.id() + "/workflow",
                Map.of("step", "submit"),
                Map.of("Referer", site.baseUrl() + "/admin/articles/" + story.id()));
        assertThat(stale.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(stale.body());
        assertThat(page.select("[role=alert]").text())
                .contains("You asked to Submit for review, but the article is now Published.")
                .contains("Last change: Edna published Stale tab story · 13:00.");
        assertThat(page.select(".way-on").attr("href")).isEqualTo("/admin/articles/" + story.id());
        assertThat(site.wiring().articles().service().find(story.id()).isPublished())
                .isTrue();
    }

    @Test
    void every_action_is_confirmed_on_the_next_page_in_the_staff_members_language() {
        Article story = draft("Scheduled story");
        HttpResponse<String> scheduled = editor.post(
                "/admin/articles/" + story.id() + "/workflow",
                Map.of("step", "schedule", "at", "2026-11-25T14:00"),
                SOMALI);
        assertThat(scheduled.statusCode()).isEqualTo(303);
        assertThat(StaffClient.setCookies(scheduled))
                .anySatisfy(c -> assertThat(c).startsWith("wargeys_flash=").contains("Path=/admin", "HttpOnly"));
        Document next = Jsoup.parse(
                editor.get("/admin", Map.of("Accept-Language", "en")).body());
        assertThat(next.select(".flash[role=status]").text()).isEqualTo("Scheduled for 14:00 EAT.");
        assertThat(editor.page("/admin").select(".flash")).as("shown once").isEmpty();

        assertThat(editor.post("/admin/articles/" + story.id() + "/workflow", Map.of("step", "return-to-draft"))
                        .statusCode())
                .isEqualTo(303);
        Document somali = Jsoup.parse(editor.get("/admin", SOMALI).body());
        assertThat(somali.select(".flash").text()).isEqualTo("Waxaa lagu celiyay qabyo. Qoraagiisa waa la ogeysiiyay.");
    }

    @Test
    void a_new_colleague_starts_with_the_least_privileged_role_and_a_one_time_password_shown_once() {
        Document form = admin.page("/admin/users");
        assertThat(form.select("form.add-user select#role option[selected]").attr("value"))
                .isEqualTo("translator");
        assertThat(form.select("form.add-user select#role option").eachAttr("value"))
                .containsExactly("translator", "author", "editor", "administrator");
        assertThat(form.select("form.add-user input[type=password]"))
                .as("no password to invent")
                .isEmpty();

        HttpResponse<String> added = admin.postEncoded(
                "/admin/users", "email=nuur%40example.org&name=Nuur&role=translator&languages=so&languages=ar");
        assertThat(added.statusCode()).isEqualTo(201);
        Document handOver = Jsoup.parse(added.body());
        String password = handOver.select(".one-time-password").text();
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        assertThat(handOver.select(".hand-over").text())
                .contains("Tell Nuur", site.baseUrl() + "/admin/login", "nuur@example.org", "shown only now");
        assertThat(added.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(admin.page("/admin/users").text()).as("shown once").doesNotContain(password);
        assertThat(admin.page("/admin/users")
                        .select("tr[data-user=nuur@example.org] .user-languages")
                        .text())
                .isEqualTo("Arabic, Somali");

        HttpResponse<String> first = StaffClient.anonymous(site).attemptSignIn("nuur@example.org", password);
        assertThat(first.headers().firstValue("Location")).hasValue("/admin/password");

        long nuur =
                site.wiring().accounts().accounts().require("nuur@example.org").id();
        HttpResponse<String> reset = admin.post("/admin/users/" + nuur + "/password", Map.of());
        assertThat(reset.statusCode()).isEqualTo(200);
        String another = Jsoup.parse(reset.body()).select(".one-time-password").text();
        assertThat(another).isNotEqualTo(password);
        assertThat(StaffClient.anonymous(site)
                        .attemptSignIn("nuur@example.org", password)
                        .statusCode())
                .as("the first password no longer works")
                .isEqualTo(401);
    }

    @Test
    void the_audit_log_reads_as_sentences_filtered_by_who_and_what_fifty_lines_a_page() {
        Article story = draft("Audited story");
        var articles = site.wiring().articles().service();
        for (int i = 0; i < 60; i++) {
            articles.pin(story.id(), i % 2 == 0, new Actor(ada.id(), ada.email(), "10.0.0.1"));
        }
        Document first = admin.page("/admin/audit?who=ada%40example.org&kind=articles");
        assertThat(first.select(".audit-lines li")).hasSize(50);
        assertThat(first.select(".audit-lines li").first().text())
                .isEqualTo("Ada unpinned Audited story · 13:00 from 10.0.0.1");
        assertThat(first.select(".audit-lines li a").first().attr("href")).isEqualTo("/admin/articles/" + story.id());
        Document second = admin.page(first.select(".pager a[rel=next]").attr("href"));
        int all = site.wiring()
                .platform()
                .audit()
                .page(
                        new org.wargeys.platform.AuditLog.Filter(
                                "ada@example.org", List.of("article."), null, null, null),
                        null,
                        null,
                        1000)
                .size();
        assertThat(all)
                .as("the pins, the creation and this class's other drafts")
                .isBetween(61, 99);
        assertThat(second.select(".audit-lines li")).hasSize(all - 50);
        Document back = admin.page(second.select(".pager a[rel=prev]").attr("href"));
        assertThat(back.select(".audit-lines li").eachText())
                .isEqualTo(first.select(".audit-lines li").eachText());

        Document somali = Jsoup.parse(admin.get("/admin/audit?who=ada%40example.org&kind=articles", SOMALI)
                .body());
        assertThat(somali.select(".audit-lines li").first().text())
                .startsWith("Ada wuxuu ka qaaday dhejinta Audited story");
        assertThat(admin.page("/admin/audit?kind=sign_ins")
                        .select(".audit-lines li")
                        .eachText())
                .anySatisfy(line -> assertThat(line).startsWith("Edna signed in"))
                .noneSatisfy(line -> assertThat(line).contains("pinned"));
    }
}
