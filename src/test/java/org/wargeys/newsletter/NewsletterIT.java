package org.wargeys.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.account.Role;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleDraft;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestClock;
import org.wargeys.testsupport.TestSite;

/**
 * Readers' newsletters on both databases, end to end over HTTP with the site's own mail worker sending
 * to GreenMail, and every message read back: the form's double opt-in in the reader's language (its
 * confirmation link works once, in time); the honeypot, the cooldown and a bad address; the choice of
 * alerts, the daily digest or both (neither is refused; a digest-only reader gets no alert; the
 * preferences page changes it, and unticking both unsubscribes); an alert
 * published from the newsroom with "Send to subscribers" reaches that language's confirmed readers
 * who want its section, once, with both parts, right-to-left for Arabic, RFC 8058 headers and a
 * preferences link; one-click unsubscribe deletes the reader. One site per database; each test uses
 * addresses of its own.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsletterIT {

    static final String PASSWORD = "correct horse battery";
    static final Pattern LINK = Pattern.compile("(http://[^\\s\"<>]+)");

    @Parameter
    DatabaseKind database;

    GreenMail smtp;
    TestClock clock;
    TestSite site;

    @BeforeParameterizedClassInvocation
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        clock = new TestClock(TestSite.NOW);
        site = TestSite.start(
                database,
                true,
                Map.of(
                        "mail.smtp.host", "127.0.0.1",
                        "mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()),
                        "mail.smtp.security", "none",
                        "mail.from", "Warsoor <news@warsoor.test>"),
                clock);
        site.wiring()
                .accounts()
                .accounts()
                .create("editor@example.org", "Edna", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
        site.wiring()
                .articles()
                .service()
                .defineSection("sport", Map.of("en", "Sport", "so", "Ciyaaraha", "ar", "الرياضة"), Actor.TERMINAL);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (site != null) site.deleteData();
        if (smtp != null) smtp.stop();
    }

    @BeforeEach
    void forgetMail() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    HttpResponse<String> post(String path, String form) {
        return site.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    /** The form as a reader sends it, alerts ticked (the boxes' fields in {@code choices}). */
    HttpResponse<String> subscribe(String language, String address, String extra) {
        return subscribe(language, address, extra, "&choices=1&alerts=yes");
    }

    HttpResponse<String> subscribe(String language, String address, String extra, String choices) {
        return post(
                "/" + language + "/newsletter",
                "email=" + StaffClient.encode(Map.of("e", address)).substring(2) + "&source=%2F" + language + "%2F"
                        + extra + choices);
    }

    /** The mail to this address (waits for the site's worker), exactly {@code count} of them. */
    List<MimeMessage> mailTo(String address, int count) {
        return org.wargeys.testsupport.Inbox.mailTo(smtp, address, count);
    }

    static String text(MimeMessage m) throws Exception {
        return (String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent();
    }

    static String html(MimeMessage m) throws Exception {
        return (String) ((MimeMultipart) m.getContent()).getBodyPart(1).getContent();
    }

    static String link(String text, String contains) {
        Matcher m = LINK.matcher(text);
        while (m.find()) if (m.group(1).contains(contains)) return m.group(1);
        throw new AssertionError("No link with " + contains + " in:\n" + text);
    }

    String path(String url) {
        return url.substring(site.baseUrl().length());
    }

    /** Subscribes to alerts and follows the confirmation link; returns the confirmation page. */
    Document subscribed(String language, String address) throws Exception {
        return subscribed(language, address, "&choices=1&alerts=yes");
    }

    Document subscribed(String language, String address, String choices) throws Exception {
        assertThat(subscribe(language, address, "", choices).statusCode()).isEqualTo(303);
        MimeMessage confirmation = mailTo(address, 1).get(0);
        return site.html(path(link(text(confirmation), "/newsletter/confirm")));
    }

    Article draft(String language, String headline, String section) {
        return site.wiring()
                .articles()
                .service()
                .createDraft(
                        new ArticleDraft(
                                language,
                                null,
                                headline,
                                null,
                                "Standfirst of " + headline,
                                null,
                                "Text.",
                                section,
                                List.of(),
                                List.of()),
                        Actor.TERMINAL);
    }

    int rows(String sql) {
        return site.wiring()
                .platform()
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @Test
    void the_form_sends_a_confirmation_in_the_pages_language_and_its_link_subscribes() throws Exception {
        HttpResponse<String> answer = subscribe("so", "Cali@Example.org", "2020%2F12%2Firan-oo-ballan-qaaday");
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/so/newsletter/thanks");
        assertThat(site.html("/so/newsletter/thanks").selectFirst("h1").text()).isEqualTo("Eeg sanduuqaaga iimaylka");

        MimeMessage m = mailTo("cali@example.org", 1).get(0);
        assertThat(m.getSubject()).isEqualTo("Xaqiiji isdiiwaangelintaada Warsoor");
        assertThat(m.getHeader("Content-Language", null)).isEqualTo("so");
        assertThat(text(m)).contains("Xaqiiji isdiiwaangelintayda");
        Document body = Jsoup.parse(html(m));
        assertThat(body.selectFirst("html").attr("lang")).isEqualTo("so");
        assertThat(body.selectFirst("html").attr("dir")).isEqualTo("ltr");
        assertThat(rows("SELECT COUNT(*) FROM subscribers WHERE address = 'cali@example.org' AND status = 'pending'"))
                .isEqualTo(1);

        String confirm = link(text(m), "/so/newsletter/confirm");
        assertThat(body.select("a[href]").eachAttr("href")).contains(confirm);
        Document confirmed = site.html(path(confirm));
        assertThat(confirmed.selectFirst("h1").text()).isEqualTo("Waad isdiiwaangelisay");
        var stored = site.wiring()
                .platform()
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT language, status, consented_at, source FROM subscribers"
                                + " WHERE address = 'cali@example.org'")
                        .mapToMap()
                        .one());
        assertThat(stored)
                .containsEntry("language", "so")
                .containsEntry("status", "confirmed")
                .containsEntry("source", "/so/2020/12/iran-oo-ballan-qaaday");
        assertThat(((Number) stored.get("consented_at")).longValue()).isEqualTo(clock.millis());

        assertThat(site.get(path(confirm) + "x").statusCode())
                .as("a tampered link")
                .isEqualTo(410);
    }

    @Test
    void a_confirmation_link_stops_working_after_a_week() throws Exception {
        subscribe("en", "late@example.org", "");
        String confirm = link(text(mailTo("late@example.org", 1).get(0)), "/newsletter/confirm");
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        HttpResponse<String> expired = site.get(path(confirm));
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(Jsoup.parse(expired.body()).selectFirst("h1").text()).isEqualTo("This link does not work");
    }

    @Test
    void a_bot_that_fills_the_honeypot_gets_the_same_answer_and_nothing_is_sent_or_kept() throws Exception {
        HttpResponse<String> answer = post("/en/newsletter", "email=bot%40example.org&website=http%3A%2F%2Fspam");
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/en/newsletter/thanks");
        assertThat(rows("SELECT COUNT(*) FROM subscribers WHERE address = 'bot@example.org'"))
                .isZero();
        assertThat(rows("SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'bot@example.org'"))
                .isZero();
    }

    @Test
    void no_second_confirmation_goes_to_an_address_within_ten_minutes_nor_a_fourth_within_a_day() throws Exception {
        subscribe("en", "eager@example.org", "");
        mailTo("eager@example.org", 1);
        assertThat(subscribe("en", "eager@example.org", "").statusCode()).isEqualTo(303);
        assertThat(subscribe("en", "eager@example.org", "").statusCode()).isEqualTo(303);
        assertThat(rows("SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'eager@example.org'"))
                .isEqualTo(1);
        clock.advance(Duration.ofMinutes(11));
        subscribe("en", "eager@example.org", "");
        mailTo("eager@example.org", 2);
        clock.advance(Duration.ofMinutes(11));
        subscribe("en", "eager@example.org", "");
        mailTo("eager@example.org", 3);
        clock.advance(Duration.ofMinutes(11));
        subscribe("en", "eager@example.org", "");
        assertThat(rows("SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'eager@example.org'"))
                .as("three a day at most")
                .isEqualTo(3);
    }

    @Test
    void an_address_we_cannot_send_to_gets_the_form_again_with_a_localized_message() {
        HttpResponse<String> answer = post("/ar/newsletter", "email=not-an-address&section=world");
        assertThat(answer.statusCode()).isEqualTo(400);
        Document form = Jsoup.parse(answer.body());
        assertThat(form.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(form.selectFirst("#newsletter-email-error").text())
                .isEqualTo("أدخل عنوان بريد إلكتروني مثل name@example.com.");
        assertThat(form.selectFirst("#newsletter-email").val()).isEqualTo("not-an-address");
        assertThat(form.selectFirst("#newsletter-email").attr("aria-invalid")).isEqualTo("true");
    }

    @Test
    void publishing_with_send_to_subscribers_alerts_that_languages_readers_once() throws Exception {
        subscribed("en", "all-news@example.org");
        Document confirmation = subscribed("en", "sport-only@example.org");
        // sport-only chooses the sport section on their preferences page.
        String prefs = confirmation.select("a[href*=/newsletter/preferences]").attr("href");
        assertThat(post(prefs, "choices=1&alerts=yes&section=sport").statusCode())
                .isEqualTo(200);
        subscribed("so", "somali-reader@example.org");
        smtp.purgeEmailFromAllMailboxes();

        Article article = draft("en", "Port of Berbera expands", "world");
        StaffClient editor = StaffClient.signIn(site, "editor@example.org", PASSWORD);
        Document page = editor.page("/admin/articles/" + article.id());
        assertThat(page.select("input[name=alert]")).hasSize(1);
        HttpResponse<String> published =
                editor.post("/admin/articles/" + article.id() + "/workflow", Map.of("step", "publish", "alert", "yes"));
        assertThat(published.statusCode()).isEqualTo(303);

        MimeMessage alert = mailTo("all-news@example.org", 1).get(0);
        assertThat(alert.getSubject()).isEqualTo("Breaking: Port of Berbera expands");
        assertThat(alert.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String unsubscribe = alert.getHeader("List-Unsubscribe", null);
        assertThat(unsubscribe).startsWith("<" + site.baseUrl() + "/en/newsletter/unsubscribe?token=");
        assertThat(alert.getHeader("List-Id", null)).startsWith("<en.newsletter.");
        assertThat(text(alert))
                .contains(
                        "Port of Berbera expands",
                        "Standfirst of Port of Berbera expands",
                        "/en/newsletter/preferences");
        Document html = Jsoup.parse(html(alert));
        assertThat(html.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(html.selectFirst("h1 a").attr("href")).startsWith(site.baseUrl() + "/en/");
        assertThat(html.select("img")).as("no tracking pixel").isEmpty();
        assertThat(html.select("a[href]").eachAttr("href")).allMatch(href -> href.startsWith(site.baseUrl()));
        String articleUrl = html.selectFirst("h1 a").attr("href");
        assertThat(site.get(path(articleUrl)).statusCode()).isEqualTo(200);
        assertThat(rows("SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'sport-only@example.org'"
                        + " AND kind = 'newsletter-alert'"))
                .as("chose sport only")
                .isZero();
        assertThat(List.of(smtp.getReceivedMessagesForDomain("somali-reader@example.org")))
                .as("another language's readers")
                .isEmpty();

        var again = site.wiring().newsletters().alerts().alert(article.id(), Actor.TERMINAL);
        assertThat(again).as("one alert per article and language").isEmpty();
        assertThat(rows("SELECT COUNT(*) FROM newsletter_alerts WHERE article_id = " + article.id()))
                .isEqualTo(1);
        Document history = editor.page("/admin/subscribers");
        assertThat(history.select("tr[data-alert] a").text()).contains("Port of Berbera expands");
    }

    @Test
    void an_arabic_alert_is_right_to_left_and_goes_only_to_readers_of_its_section() throws Exception {
        subscribed("ar", "reader-ar@example.org");
        Document confirmation = subscribed("ar", "world-ar@example.org");
        String prefs = confirmation.select("a[href*=/newsletter/preferences]").attr("href");
        Document preferences = site.html(prefs);
        assertThat(preferences.select("input[name=section]")).isNotEmpty();
        String export = preferences.select("a[download]").attr("href");
        HttpResponse<String> data = site.get(export);
        assertThat(data.statusCode()).isEqualTo(200);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(data.body());
        assertThat(json.path("address").asText()).isEqualTo("world-ar@example.org");
        assertThat(json.path("language").asText()).isEqualTo("ar");
        assertThat(json.path("consented_at").asText()).isEqualTo(clock.instant().toString());
        assertThat(json.path("subscribed_on_page").asText()).isEqualTo(site.baseUrl() + "/ar/");
        assertThat(json.path("breaking_news_alerts").asBoolean()).isTrue();
        assertThat(json.path("daily_digest").asBoolean()).isFalse();
        HttpResponse<String> saved = post(prefs, "choices=1&alerts=yes&section=sport");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(saved.body())
                        .select("input[name=section][value=sport]")
                        .attr("checked"))
                .isNotNull();
        smtp.purgeEmailFromAllMailboxes();

        Article article = draft("ar", "افتتاح ميناء بربرة", "world");
        var alerts = site.wiring().newsletters().alerts();
        alerts.publishAndAlert(article.id(), Actor.TERMINAL);
        MimeMessage alert = mailTo("reader-ar@example.org", 1).get(0);
        assertThat(alert.getSubject()).isEqualTo("عاجل: افتتاح ميناء بربرة");
        Document html = Jsoup.parse(html(alert));
        assertThat(html.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(html.selectFirst("html").attr("lang")).isEqualTo("ar");
        assertThat(html.select("a").eachText()).contains("اقرأ المقال", "إلغاء الاشتراك");
        assertThat(rows("SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'world-ar@example.org'"
                        + " AND kind = 'newsletter-alert'"))
                .as("chose sport only")
                .isZero();
    }

    @Test
    void one_click_unsubscribe_deletes_the_reader_and_a_plain_visit_never_does() throws Exception {
        subscribed("en", "leaving@example.org");
        smtp.purgeEmailFromAllMailboxes();
        Article article = draft("en", "Rains return to Baidoa", null);
        site.wiring().newsletters().alerts().publishAndAlert(article.id(), Actor.TERMINAL);
        MimeMessage alert = mailTo("leaving@example.org", 1).get(0);
        String header = alert.getHeader("List-Unsubscribe", null);
        String url = header.substring(1, header.length() - 1);

        Document page = site.html(path(url));
        assertThat(page.select("main form button").text()).isEqualTo("Unsubscribe");
        assertThat(rows("SELECT COUNT(*) FROM subscribers WHERE address = 'leaving@example.org'"))
                .as("a visit (a mail scanner) does not unsubscribe")
                .isEqualTo(1);

        // RFC 8058: the mail program POSTs this body to the header's URL.
        HttpResponse<String> oneClick = post(path(url), "List-Unsubscribe=One-Click");
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(oneClick.body()).selectFirst("h1").text()).isEqualTo("You are unsubscribed");
        assertThat(rows("SELECT COUNT(*) FROM subscribers WHERE address = 'leaving@example.org'"))
                .isZero();
        HttpResponse<String> again = post(path(url), "List-Unsubscribe=One-Click");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(site.get(path(url)).statusCode())
                .as("the link names nobody now")
                .isEqualTo(410);
        assertThat(oneClick.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(oneClick.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void the_form_refused_with_neither_alerts_nor_the_digest_comes_back_as_typed_with_a_localized_message() {
        HttpResponse<String> answer = subscribe("so", "hooyo@example.org", "", "&choices=1&section=sport");
        assertThat(answer.statusCode()).isEqualTo(400);
        Document form = Jsoup.parse(answer.body());
        assertThat(form.selectFirst("#newsletter-choice-error").text())
                .isEqualTo("Calaamadee ugu yaraan mid: digniinaha wararka degdegga ah, soo koobidda maalinlaha ah, ama"
                        + " labadaba.");
        assertThat(form.selectFirst("fieldset.newsletter-choice").attr("aria-describedby"))
                .isEqualTo("newsletter-choice-error");
        assertThat(form.selectFirst("#newsletter-email").val()).isEqualTo("hooyo@example.org");
        assertThat(form.select("#newsletter-email-error"))
                .as("the address was fine")
                .isEmpty();
        assertThat(form.select("input[name=section][value=sport]").hasAttr("checked"))
                .isTrue();
        assertThat(form.select("#newsletter-alerts[checked], #newsletter-digest[checked]"))
                .isEmpty();
        assertThat(rows("SELECT COUNT(*) FROM subscribers WHERE address = 'hooyo@example.org'"))
                .isZero();
        assertThat(rows("SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'hooyo@example.org'"))
                .isZero();
    }

    @Test
    void the_form_offers_both_choices_unticked_on_every_kind_of_page() {
        for (String path : List.of("/en/newsletter", "/en/")) {
            Document page = site.html(path);
            assertThat(page.select("input[type=hidden][name=choices]")).as(path).hasSize(1);
            assertThat(page.select("input[type=checkbox][name=alerts]"))
                    .as(path)
                    .hasSize(1);
            assertThat(page.select("input[type=checkbox][name=digest]"))
                    .as(path)
                    .hasSize(1);
            assertThat(page.select("input[name=alerts][checked], input[name=digest][checked]"))
                    .as(path + ": consent is not pre-ticked")
                    .isEmpty();
            assertThat(page.select("fieldset.newsletter-choice label").eachText())
                    .as(path)
                    .containsExactly(
                            "Breaking-news alerts, as soon as we publish them",
                            "The daily digest: the day's articles in one email");
        }
        assertThat(site.html("/en/newsletter").select("main p").first().text())
                .as("the intro no longer promises breaking news only")
                .contains("breaking-news alerts", "a digest of the day's articles", "or both");
    }

    @Test
    void a_page_from_before_the_choice_subscribes_to_what_it_promised_breaking_news_only() throws Exception {
        // A home page kept by a cache since the last release: its box posts the address alone.
        subscribed("en", "old-page@example.org", "");
        var stored = site.wiring()
                .platform()
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT alerts, digest FROM subscribers WHERE address = 'old-page@example.org'")
                        .mapToMap()
                        .one());
        assertThat(((Number) stored.get("alerts")).intValue()).isEqualTo(1);
        assertThat(((Number) stored.get("digest")).intValue()).isZero();
    }

    @Test
    void a_digest_only_reader_is_told_what_they_chose_and_gets_no_alert() throws Exception {
        assertThat(subscribe("en", "digest-only@example.org", "", "&choices=1&digest=yes")
                        .statusCode())
                .isEqualTo(303);
        MimeMessage confirmation = mailTo("digest-only@example.org", 1).get(0);
        assertThat(text(confirmation))
                .contains("Someone, probably you, asked to receive the daily digest of Warsoor by email.")
                .doesNotContain("breaking");
        Document confirmed = site.html(path(link(text(confirmation), "/newsletter/confirm")));
        assertThat(confirmed.select("main p").text())
                .contains("digest-only@example.org will receive the daily digest of Warsoor.");
        subscribed("en", "both@example.org", "&choices=1&alerts=yes&digest=yes");
        subscribed("en", "alerts-only@example.org");
        smtp.purgeEmailFromAllMailboxes();

        Article article = draft("en", "Mogadishu port reopens", null);
        site.wiring().newsletters().alerts().publishAndAlert(article.id(), Actor.TERMINAL);
        assertThat(mailTo("both@example.org", 1).get(0).getSubject()).isEqualTo("Breaking: Mogadishu port reopens");
        assertThat(mailTo("alerts-only@example.org", 1)).hasSize(1);
        assertThat(rows("SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'digest-only@example.org'"
                        + " AND kind = 'newsletter-alert'"))
                .as("asked for the digest only")
                .isZero();

        StaffClient editor = StaffClient.signIn(site, "editor@example.org", PASSWORD);
        var row = editor.page("/admin/subscribers").selectFirst("tr[data-language=en]");
        int confirmedCount = rows("SELECT COUNT(*) FROM subscribers WHERE language = 'en' AND status = 'confirmed'");
        assertThat(row.selectFirst("td[data-count=confirmed]").text()).isEqualTo(String.valueOf(confirmedCount));
        assertThat(row.selectFirst("td[data-count=alerts]").text())
                .isEqualTo(String.valueOf(rows("SELECT COUNT(*) FROM subscribers WHERE language = 'en'"
                        + " AND status = 'confirmed' AND alerts = 1")));
        assertThat(row.selectFirst("td[data-count=digest]").text())
                .as("digest-only and both")
                .isEqualTo(String.valueOf(rows("SELECT COUNT(*) FROM subscribers WHERE language = 'en'"
                        + " AND status = 'confirmed' AND digest = 1")))
                .isNotEqualTo("0");
    }

    @Test
    void the_preferences_page_changes_alerts_and_digest_and_unticking_both_unsubscribes() throws Exception {
        Document confirmation = subscribed("ar", "ikhtiyar@example.org");
        String prefs = confirmation.select("a[href*=/newsletter/preferences]").attr("href");
        Document page = site.html(prefs);
        assertThat(page.select("#newsletter-alerts").hasAttr("checked")).isTrue();
        assertThat(page.select("#newsletter-digest").hasAttr("checked")).isFalse();
        assertThat(page.select("fieldset.newsletter-choice label").eachText())
                .containsExactly("تنبيهات الأخبار العاجلة، فور نشرها", "الملخص اليومي: مقالات اليوم في رسالة واحدة");

        HttpResponse<String> saved = post(prefs, "choices=1&digest=yes&section=sport");
        assertThat(saved.statusCode()).isEqualTo(200);
        Document after = Jsoup.parse(saved.body());
        assertThat(after.select("[role=status]").text()).isEqualTo("تم حفظ اختياراتك.");
        assertThat(after.select("#newsletter-alerts").hasAttr("checked")).isFalse();
        assertThat(after.select("#newsletter-digest").hasAttr("checked")).isTrue();
        assertThat(rows("SELECT COUNT(*) FROM subscribers WHERE address = 'ikhtiyar@example.org'"
                        + " AND alerts = 0 AND digest = 1 AND sections = 'sport'"))
                .isEqualTo(1);
        var json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(site.get(after.select("a[download]").attr("href")).body());
        assertThat(json.path("breaking_news_alerts").asBoolean()).isFalse();
        assertThat(json.path("daily_digest").asBoolean()).isTrue();

        HttpResponse<String> none = post(prefs, "choices=1&section=sport");
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(none.body()).selectFirst("h1").text()).isEqualTo("تم إلغاء اشتراكك");
        assertThat(rows("SELECT COUNT(*) FROM subscribers WHERE address = 'ikhtiyar@example.org'"))
                .as("unticking both unsubscribes: the row is deleted")
                .isZero();
    }
}
