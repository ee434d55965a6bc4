package org.wargeys.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wargeys.article.Slug;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.HtmlChecker;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestSite;

/**
 * Every page type, public and newsroom, passes the Nu HTML Checker with zero errors. One SQLite demo
 * site, started once: the markup comes from the templates, which no database changes. The site is
 * given what the pages have to show (archive pages past the first, related articles, an Arabic
 * article, a pull quote, a featured image, a correction, a share total, revisions, a translation in
 * progress, a translator's languages).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlValidityIT {

    static final String PASSWORD = EveryPageType.PASSWORD;
    static final String EN = "/en/2020/12/iran-vows-soleimani-revenge";
    static final String SO = "/so/2020/12/iran-oo-ballan-qaaday";

    EveryPageType pages;
    TestSite site;
    StaffClient admin;
    /** Placeholders in the paths below ({draft}…) and what they stand for on this site. */
    Map<String, String> made;
    /** The draft's editor form as it was at revision 1, for a save from a stale revision. */
    Map<String, String> staleForm;

    @BeforeAll
    void start() throws Exception {
        pages = EveryPageType.start();
        site = pages.site;
        admin = pages.admin;
        made = pages.made;
        staleForm = pages.staleForm;
    }

    @AfterAll
    void stop() {
        if (pages != null) pages.delete();
    }

    static Stream<Arguments> publicPages() {
        return Stream.of(
                page("home page in English", "/en/", 200, ".teaser h2 a"),
                page("home page in Somali", "/so/", 200, ".teaser h2 a"),
                page("home page in Arabic, right to left", "/ar/", 200, "html[dir=rtl] .teaser h2 a"),
                page("article in English, with related articles", EN, 200, ".related a"),
                page("article in Somali", SO, 200, ".translation-notice a[hreflang=en]"),
                page("article in Arabic, right to left", "/ar/2026/11/iran-tatawaad", 200, "html[dir=rtl] .share-bar"),
                page(
                        "article with a pull quote",
                        "/en/2026/11/valid-quote",
                        200,
                        "blockquote.shareable .quote-share a"),
                page(
                        "article with a featured image and a correction",
                        "{published-path}",
                        200,
                        "figure.featured-image img[srcset]; .corrections .correction; .share-bar .share-total"),
                page(
                        "live article, with key events and a poll",
                        "{live-path}",
                        200,
                        ".live-badge; .live-key-events a; #live-entries .live-quote; script[src^=/assets/live.]"),
                page("live article, older entries", "{live-older}", 200, ".live-pages a; #live-entries article"),
                page(
                        "live article in Somali, an untranslated original labelled",
                        "{live-so-path}",
                        200,
                        ".live-original; #live-entries article[lang=so]"),
                page("section archive", "/en/section/world", 200, ".teaser h2 a"),
                page("section archive, older articles", "{sport-older}", 200, ".pagination a[rel=prev]"),
                page(
                        "section archive in Arabic",
                        "/ar/section/" + Slug.of("العالم", 8),
                        200,
                        "html[dir=rtl] .teaser h2 a"),
                page("tag archive", "/en/tag/iran", 200, ".teaser h2 a"),
                page("tag archive in Somali", "/so/tag/iiraan", 200, ".teaser h2 a"),
                page("author archive", "/en/author/warsoor-staff", 200, ".teaser h2 a"),
                page("year archive", "/en/archive/2020", 200, ".teaser h2 a"),
                page("year archive, empty", "/en/archive/2019", 200, ".empty"),
                page("month archive", "/en/archive/2020/12", 200, ".teaser h2 a"),
                page("search, the empty form", "/en/search", 200, "form[role=search]; .empty"),
                page("search with results", "/en/search?q=revenge", 200, ".search-results mark"),
                page(
                        "search with results, second page",
                        "/en/search?q=match+report&page=2",
                        200,
                        ".pagination a[rel=prev]"),
                page("search with nothing found, in Arabic", "/ar/search?q=x", 200, "html[dir=rtl] .search-summary"),
                page(
                        "search with a section filter, in Somali",
                        "/so/search?q=Iran&section=world",
                        200,
                        "#search-section option[selected][value=world]"),
                page(
                        "search with section and dates",
                        "/en/search?q=Iran&section=world&from=2020-12-01&to=2020-12-31",
                        200,
                        ".search-results h2 a"),
                page("newsletter form", "/en/newsletter", 200, "form.newsletter-form input[name=section]"),
                page("newsletter form in Arabic", "/ar/newsletter", 200, "html[dir=rtl] form.newsletter-form"),
                page("newsletter: check your inbox, in Somali", "/so/newsletter/thanks", 200, ".newsletter-notice"),
                page("newsletter: confirmed", "{newsletter-confirm}", 200, "main a[href*=preferences]"),
                page("newsletter: preferences", "{newsletter-preferences}", 200, "input[name=section]"),
                page("newsletter: unsubscribe", "{newsletter-unsubscribe}", 200, "main form button"),
                page("newsletter: a link that no longer works", "/en/newsletter/confirm?token=1-1-x", 410, "h1"),
                page("newsroom: forgot password", "/admin/forgot", 200, "form[action=/admin/forgot]"),
                page("newsroom: choosing a new password", "/admin/reset?token={reset-token}", 200, "#repeat"),
                page("newsroom: a reset link that does not work", "/admin/reset?token=x", 410, "a[href=/admin/forgot]"),
                page("not found, English", "/en/no-such-page", 404, "h1"),
                page("not found, Arabic", "/ar/2020/12/missing", 404, "html[dir=rtl] h1"),
                page("not found, unknown language", "/xx/", 404, "h1"),
                page("bad request, an encoded path", "/en/2020/12/%2e%2e%2fx", 400, "h1"),
                page(
                        "bad request, a search page that is no number",
                        "/en/search?q=iran&page=abc",
                        400,
                        ".error-reason"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicPages")
    void public_page_is_valid_html(String name, String path, int status, String shows) {
        assertValid(name, site.get(resolve(path)), status, shows);
    }

    static Stream<Arguments> newsroomPages() {
        return Stream.of(
                page("article list", "/admin/articles", 200, "tr[data-article]; #bulk select[name=action]"),
                page("article list, sorted by headline", "/admin/articles?sort=headline", 200, "tr[data-article]"),
                page(
                        "article list with filters",
                        "/admin/articles?q=draft&status=draft&language=en&section=world",
                        200,
                        "tr[data-article]"),
                page("article list, nothing found", "/admin/articles?q=nothing+like+this", 200, ".empty"),
                page(
                        "the desk",
                        "/admin",
                        200,
                        "#review; #scheduled .week; #published li[data-article]; #pending li[data-article]"),
                page(
                        "an article's notes and assignments",
                        "/admin/articles/{published}/desk",
                        200,
                        ".notes mark.mention; li[data-assignment]; form.assign-form"),
                page("notifications", "/admin/notifications", 200, "h1"),
                page("notification-mail", "/admin/account/notifications", 200, "h1"),
                page("a newsroom address that does not exist", "/admin/no-such-page", 404, ".error-page .way-on"),
                page("new article editor", "/admin/articles/new", 200, "form[data-editor]"),
                page("a draft's editor", "/admin/articles/{draft}", 200, "form[data-editor] textarea[name=body]"),
                page(
                        "live coverage and its composer",
                        "/admin/articles/{live}/live",
                        200,
                        "form.live-composer textarea"),
                page(
                        "a live translation's queue",
                        "/admin/articles/{live-so}/live",
                        200,
                        "form.live-translate textarea"),
                page(
                        "a published article's editor, with its share chart",
                        "/admin/articles/{published}",
                        200,
                        ".share-chart svg rect"),
                page(
                        "a translation's editor, beside its source block by block",
                        "/admin/articles/{translation}",
                        200,
                        "[data-rows] li .source-block; #featured_alt"),
                page("revisions", "/admin/articles/{draft}/revisions", 200, "tbody tr"),
                page("revisions compared", "/admin/articles/{draft}/revisions?from=1&to=2", 200, "#revision-diff ins"),
                page(
                        "restoring a published article's revision: the confirmation",
                        "/admin/articles/{published}/revisions/1/restore",
                        200,
                        "#restore-pending; form button[type=submit]"),
                page(
                        "restoring a draft's revision: the confirmation",
                        "/admin/articles/{draft}/revisions/1/restore",
                        200,
                        "#restore-draft"),
                page(
                        "a change waiting for approval",
                        "/admin/articles/{published}/pending",
                        200,
                        "#approve; #reject; #diff-body"),
                page("no change waiting", "/admin/articles/{draft}/pending", 200, ".empty"),
                page("media library", "/admin/media", 200, "tr[data-media] img; tr[data-media] form"),
                page(
                        "sections and tags, with tags an author proposed",
                        "/admin/taxonomy",
                        200,
                        "table[data-kind=section] tr[data-key=health]; .proposals form"),
                page("users", "/admin/users", 200, "tr[data-user=translator@example.org] input[name=languages]"),
                page("audit log", "/admin/audit", 200, ".audit-lines li a"),
                page("audit log, filtered", "/admin/audit?kind=articles&who=admin@example.org", 200, ".audit-lines li"),
                page("settings", "/admin/settings", 200, "input[name=feed_content]"),
                page("password", "/admin/password", 200, "input[name=current]"),
                page(
                        "subscribers and the alerts' send history",
                        "/admin/subscribers",
                        200,
                        "table[data-subscribers]; table[data-alerts] tr[data-alert]; #digest_time"),
                page("an article that does not exist", "/admin/articles/999999", 404, "h1"),
                page(
                        "API tokens and content keys",
                        "/admin/tokens",
                        200,
                        "form[action=/admin/tokens]; table[data-keys]"),
                page("webhooks", "/admin/webhooks", 200, "table[data-endpoints]; form[action=/admin/webhooks]"),
                page(
                        "a webhook endpoint with its delivery log",
                        "/admin/webhooks/{webhook}",
                        200,
                        "table[data-deliveries] tr[data-delivery]; details input.secret"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("newsroomPages")
    void newsroom_page_is_valid_html(String name, String path, int status, String shows) {
        assertValid(name, admin.get(resolve(path)), status, shows);
    }

    static Stream<Arguments> newsroomAnswers() {
        return Stream.of(
                Arguments.of(
                        "new article with an address that cannot be one",
                        "/admin/articles",
                        Map.of("language", "en", "headline", "Bad address", "slug", "no way!", "body", "Text."),
                        400,
                        "#slug-error; .error-summary a[href='#slug']"),
                Arguments.of(
                        "an untitled draft sent for review",
                        "/admin/articles/{untitled}/workflow",
                        Map.of("step", "submit"),
                        400,
                        "#headline-error"),
                Arguments.of(
                        "preview of a draft, marked as not published",
                        "/admin/preview",
                        Map.of("article_id", "{draft}", "headline", "Unsaved", "body", "Unsaved text."),
                        200,
                        ".preview-mark"),
                Arguments.of(
                        "preview of unsaved text",
                        "/admin/preview",
                        Map.of("article_id", "{published}", "headline", "Unsaved", "body", "Unsaved **bold** text."),
                        200,
                        ".article-body strong"),
                Arguments.of(
                        "password change with a wrong current password",
                        "/admin/password",
                        Map.of("current", "not it", "password", PASSWORD + " 2", "repeat", PASSWORD + " 2"),
                        400,
                        "#current-error"),
                Arguments.of(
                        "a token made, its secret shown once",
                        "/admin/tokens",
                        Map.of("name", "Teleprompter", "days", "30", "scopes", "drafts:read"),
                        201,
                        "#new-secret"),
                Arguments.of(
                        "a webhook endpoint refused",
                        "/admin/webhooks",
                        Map.of("url", "ftp://example.org/", "events", "article.published"),
                        400,
                        "#url-error"),
                Arguments.of(
                        "a tag with a bad key",
                        "/admin/taxonomy",
                        Map.of("kind", "tag", "key", "Bad Key", "name_en", "X"),
                        400,
                        "[role=alert]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("newsroomAnswers")
    void newsroom_answer_to_a_form_is_valid_html(
            String name, String path, Map<String, String> fields, int status, String shows) {
        Map<String, String> resolved = new LinkedHashMap<>();
        fields.forEach((field, value) -> resolved.put(field, resolve(value)));
        assertValid(name, admin.post(resolve(path), resolved), status, shows);
    }

    @Test
    void the_checker_finds_the_errors_of_a_broken_page_checked_between_two_valid_ones() {
        String valid = site.get(EN).body();
        String broken = valid.replaceFirst("<body[^>]*>", "$0<p id=\"twice\">a</p><p id=\"twice\">b</p>");
        assertThat(HtmlChecker.errors(valid)).isEmpty();
        assertThat(HtmlChecker.errors(broken))
                .anySatisfy(error -> assertThat(error).contains("Duplicate ID “twice”"));
        assertThat(HtmlChecker.errors(valid))
                .as("nothing left over from the broken page")
                .isEmpty();
    }

    @Test
    void the_newsletter_forms_answers_and_the_mail_itself_are_valid_html() {
        var post = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + site.port() + "/ar/newsletter"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("email=nope&section=world&choices=1"))
                .build();
        assertValid(
                "newsletter form refusing an address and no choice",
                site.send(post),
                400,
                "#newsletter-email-error; #newsletter-choice-error");
        for (String kind : List.of("newsletter-confirm", "newsletter-alert")) {
            String html = site.wiring()
                    .platform()
                    .database()
                    .jdbi()
                    .withHandle(h -> h.createQuery("SELECT html_body FROM mail_outbox WHERE kind = :kind LIMIT 1")
                            .bind("kind", kind)
                            .mapTo(String.class)
                            .one());
            assertThat(HtmlChecker.errors(html)).as(kind).isEmpty();
        }
    }

    @Test
    void a_save_from_a_stale_revision_answers_a_valid_page() {
        assertValid("conflict", admin.post("/admin/articles/" + made.get("{draft}"), staleForm), 409, "[role=alert]");
    }

    @Test
    void the_media_library_refusing_an_upload_is_valid_html() {
        byte[] script = "<script>alert(1)</script>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertValid(
                "upload refused",
                admin.postFile("/admin/media", Map.of("alt_en", "Not a photo"), "photo.jpg", "image/jpeg", script),
                400,
                ".field-error");
    }

    @Test
    void the_newsroom_dead_ends_are_valid_html() {
        StaffClient translator = StaffClient.signIn(site, "translator@example.org", PASSWORD);
        assertValid("forbidden, 403", translator.get("/admin/users"), 403, ".error-page .way-on[href='/admin']");
        assertValid("the translator's desk", translator.get("/admin"), 200, "#translate-so");
        assertValid(
                "signed out, 401: signing in again on the spot keeps what was sent",
                StaffClient.anonymous(site).postRaw("/admin/articles/bulk", Map.of("action", "publish")),
                401,
                "form[action='/admin/login'] input[name=password]; input[name=carried_name][value=action]");

        assertValid(
                "a stale form, 403",
                admin.postRaw("/admin/articles/bulk", Map.of("csrf", "stale", "action", "publish")),
                403,
                ".error-page .way-on");
        assertValid(
                "sign-in after the session ended",
                site.get("/admin/login?next=%2Fadmin&reason=expired"),
                200,
                "[role=alert]");
    }

    @Test
    void the_newsroom_in_arabic_right_to_left_is_valid_html() {
        for (String path : List.of("/admin/articles", "/admin/articles/" + made.get("{draft}"))) {
            assertValid("Arabic " + path, admin.get(path, Map.of("Accept-Language", "ar")), 200, "html[dir=rtl]");
        }
    }

    @Test
    void a_home_page_with_nothing_published_is_valid_html() {
        // A site of its own, without the demo content: on this class's site every language has
        // articles, so no home page shows its empty state.
        TestSite empty = TestSite.start(DatabaseKind.SQLITE, false);
        try {
            assertValid("empty home page, Arabic", empty.get("/ar/"), 200, "html[dir=rtl] .empty");
        } finally {
            empty.deleteData();
        }
    }

    @Test
    void the_sign_in_page_is_valid_html_and_so_is_its_answer_to_a_wrong_password() {
        assertValid("sign-in", site.get("/admin/login"), 200, "form input[name=csrf]");
        assertValid(
                "sign-in refused",
                StaffClient.anonymous(site).attemptSignIn("nobody@example.org", "not the password"),
                401,
                "[role=alert]");
    }

    @Test
    void a_form_sent_after_the_session_ended_asks_to_sign_in_again_then_offers_it_to_send_again() {
        String draft = made.get("{draft}");
        HttpResponse<String> asked = StaffClient.anonymous(site)
                .postRaw(
                        "/admin/articles/" + draft,
                        Map.of("csrf", "expired", "headline", "Kept", "body", "Kept <words> & \"more\"."));
        assertValid("sign in again", asked, 401, "input[name=carried_name][value=body]; [role=alert]");
        // The sign-in form as a browser sends it, with the password typed in.
        StringBuilder fields = new StringBuilder();
        for (var input : Jsoup.parse(asked.body()).select("form[action=/admin/login] input[name]")) {
            String value = input.attr("name").equals("password") ? PASSWORD : input.attr("value");
            if (input.attr("name").equals("email")) value = "admin@example.org";
            if (fields.length() > 0) fields.append('&');
            fields.append(StaffClient.encode(Map.of(input.attr("name"), value)));
        }
        HttpResponse<String> resend = site.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(site.baseUrl() + "/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                        "Cookie",
                        "wargeys_sign_in="
                                + StaffClient.cookie(asked, "wargeys_sign_in").orElseThrow())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(fields.toString()))
                .build());
        assertValid(
                "sent again", resend, 200, "form[action=/admin/articles/" + draft + "] input[name=body]; #resend-text");
        Document page = Jsoup.parse(resend.body());
        assertThat(page.select("form input[name=body]").attr("value")).isEqualTo("Kept <words> & \"more\".");
        assertThat(page.select("form input[name=csrf]").attr("value")).isNotEqualTo("expired");
    }

    @Test
    void the_answer_to_forgot_password_is_valid_html() {
        HttpResponse<String> form = site.get("/admin/forgot");
        String cookie = StaffClient.cookie(form, "wargeys_sign_in").orElseThrow();
        String csrf = Jsoup.parse(form.body()).selectFirst("input[name=csrf]").val();
        var post = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + site.port() + "/admin/forgot"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "wargeys_sign_in=" + cookie)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        StaffClient.encode(Map.of("csrf", csrf, "email", "nobody@example.org"))))
                .build();
        assertValid("forgot password, the answer", site.send(post), 200, "[role=status]");
    }

    /**
     * The page answers with the status and shows what it is meant to show (each of the {@code ;}
     * separated selectors matches), so that the checker reads the markup it is meant to check.
     */
    private void assertValid(String name, HttpResponse<String> response, int status, String shows) {
        assertThat(response.statusCode()).as(name).isEqualTo(status);
        Document page = Jsoup.parse(response.body());
        for (String selector : shows.split(";")) {
            assertThat(page.select(selector.strip())).as(name + ": " + selector).isNotEmpty();
        }
        assertThat(response.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                .as(name)
                .isEqualToIgnoringCase("text/html;charset=utf-8");
        assertThat(HtmlChecker.errors(response.body())).as(name).isEmpty();
    }

    private static Arguments page(String name, String path, int status, String shows) {
        return Arguments.of(name, path, status, shows);
    }

    private String resolve(String text) {
        String resolved = text;
        for (var placeholder : made.entrySet())
            resolved = resolved.replace(placeholder.getKey(), placeholder.getValue());
        return resolved;
    }
}
