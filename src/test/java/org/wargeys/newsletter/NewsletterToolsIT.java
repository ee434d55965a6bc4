package org.wargeys.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.List;
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
import org.wargeys.article.Article;
import org.wargeys.article.ArticleDraft;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestClock;
import org.wargeys.testsupport.TestSite;

/**
 * The newsroom's newsletter tools on /admin/subscribers, over HTTP on both databases: editors only;
 * the digest's time (a bad one refused with a localized message); a preview of the next digest and of
 * an alert per language; "send a test to me" reaching the staff member's own address only; "retry
 * failed" sending an alert's failed messages again; each action confirmed by a flash message and
 * written to the audit log as a sentence.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsletterToolsIT {

    static final String PASSWORD = "correct horse battery";

    @Parameter
    DatabaseKind database;

    GreenMail smtp;
    TestSite site;
    StaffClient editor;
    StaffClient author;
    StaffClient admin;

    @BeforeParameterizedClassInvocation
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        site = TestSite.start(
                database,
                false,
                Map.of(
                        "mail.smtp.host", "127.0.0.1",
                        "mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()),
                        "mail.smtp.security", "none",
                        "mail.from", "Warsoor <news@warsoor.test>"),
                new TestClock(TestSite.NOW));
        var accounts = site.wiring().accounts().accounts();
        accounts.create("hodan@example.org", "Hodan", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
        accounts.create("abdi@example.org", "Abdi", Role.AUTHOR, Set.of(), PASSWORD, Actor.TERMINAL);
        accounts.create("ayaan@example.org", "Ayaan", Role.ADMINISTRATOR, Set.of(), PASSWORD, Actor.TERMINAL);
        editor = StaffClient.signIn(site, "hodan@example.org", PASSWORD);
        admin = StaffClient.signIn(site, "ayaan@example.org", PASSWORD);
        author = StaffClient.signIn(site, "abdi@example.org", PASSWORD);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (site != null) site.deleteData();
        if (smtp != null) smtp.stop();
    }

    Article draft(String language, String headline) {
        return site.wiring()
                .articles()
                .service()
                .createDraft(
                        new ArticleDraft(
                                language,
                                null,
                                headline,
                                null,
                                "Standfirst.",
                                null,
                                "Text.",
                                null,
                                List.of(),
                                List.of()),
                        Actor.TERMINAL);
    }

    List<MimeMessage> mailTo(String address, int count) throws Exception {
        return org.wargeys.testsupport.Inbox.mailTo(smtp, address, count);
    }

    void exec(String sql) {
        site.wiring().platform().database().jdbi().useHandle(h -> h.execute(sql));
    }

    @Test
    void only_editors_use_the_tools() {
        assertThat(author.get("/admin/subscribers").statusCode()).isEqualTo(403);
        assertThat(author.get("/admin/subscribers/preview?what=digest&language=en")
                        .statusCode())
                .isEqualTo(403);
        assertThat(author.post("/admin/subscribers/test", Map.of("what", "digest", "language", "en"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(author.post("/admin/subscribers/digest-time", Map.of("digest_time", "07:00"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(editor.postRaw("/admin/subscribers/digest-time", Map.of("digest_time", "07:00", "csrf", "forged"))
                        .statusCode())
                .as("no CSRF token, no change")
                .isEqualTo(403);
        assertThat(site.wiring().newsletters().digests().time()).isEmpty();
    }

    @Test
    void the_digest_time_is_set_in_the_newsroom_and_a_bad_one_is_refused() {
        HttpResponse<String> bad = editor.post("/admin/subscribers/digest-time", Map.of("digest_time", "25:99"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(bad.body()).text()).contains("Write a time such as 07:30");
        assertThat(editor.post("/admin/subscribers/digest-time", Map.of("digest_time", "06:45"))
                        .statusCode())
                .isEqualTo(303);
        Document page = editor.page("/admin/subscribers");
        assertThat(page.select(".flash").text()).isEqualTo("The daily digest will be sent at 06:45 every day.");
        assertThat(page.selectFirst("#digest_time").attr("value")).isEqualTo("06:45");
        assertThat(page.select("label[for=digest_time]").text()).contains("Africa/Mogadishu");
        assertThat(admin.page("/admin/audit").text()).contains("set the time of the daily digest: 06:45");
    }

    @Test
    void previews_and_a_test_to_oneself_show_what_readers_would_get() throws Exception {
        HttpResponse<String> nothing = editor.get("/admin/subscribers/preview?what=digest&language=so");
        assertThat(nothing.statusCode()).as("nothing published in Somali yet").isEqualTo(303);
        assertThat(editor.page("/admin/subscribers").select(".flash").text())
                .startsWith("There is nothing to send yet");
        Article story = draft("so", "Dekedda Berbera oo la ballaariyey");
        site.wiring().newsletters().alerts().publishAndAlert(story.id(), Actor.TERMINAL);

        HttpResponse<String> digest = editor.get("/admin/subscribers/preview?what=digest&language=so");
        assertThat(digest.statusCode()).isEqualTo(200);
        Document mail = Jsoup.parse(digest.body());
        assertThat(mail.selectFirst("html").attr("lang")).isEqualTo("so");
        assertThat(mail.select("h2").text()).isEqualTo("Dekedda Berbera oo la ballaariyey");
        HttpResponse<String> alert = editor.get("/admin/subscribers/preview?what=alert&language=so");
        assertThat(Jsoup.parse(alert.body()).select("h1").text()).isEqualTo("Dekedda Berbera oo la ballaariyey");

        assertThat(editor.post("/admin/subscribers/test", Map.of("what", "digest", "language", "so"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(editor.page("/admin/subscribers").select(".flash").text())
                .isEqualTo("The test is on its way to hodan@example.org.");
        MimeMessage test = mailTo("hodan@example.org", 1).get(0);
        assertThat(test.getSubject()).startsWith("[Tijaabo] Warsoor: wararka ");
        assertThat(test.getHeader("List-Unsubscribe")).as("not a list message").isNull();
        assertThat(editor.post("/admin/subscribers/test", Map.of("what", "alert", "language", "so"))
                        .statusCode())
                .isEqualTo(303);
        MimeMessage testAlert = mailTo("hodan@example.org", 2).stream()
                .filter(m -> {
                    try {
                        return m.getSubject().startsWith("[Tijaabo] ");
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(m -> m != test)
                .findFirst()
                .orElseThrow();
        String alertText = (String) ((jakarta.mail.internet.MimeMultipart) testAlert.getContent())
                .getBodyPart(0)
                .getContent();
        assertThat(alertText)
                .contains("Dekedda Berbera oo la ballaariyey")
                .as("a test copy has no reader's links")
                .doesNotContain("/newsletter/unsubscribe", "/newsletter/preferences");
        assertThat(admin.page("/admin/audit").text()).contains("sent themself a test of the newsletter");
    }

    @Test
    void retry_failed_sends_an_alerts_failed_messages_again() throws Exception {
        long now = TestSite.NOW.toEpochMilli();
        exec("INSERT INTO subscribers (address, language, sections, status, consented_at, source, created_at,"
                + " confirmation_sent_at) VALUES ('bounced@example.org', 'en', '', 'confirmed', " + now + ", '/', "
                + now + ", " + now + ")");
        Article story = draft("en", "Floods in Beledweyne");
        site.wiring().newsletters().alerts().publishAndAlert(story.id(), Actor.TERMINAL);
        mailTo("bounced@example.org", 1);
        // As if the relay had kept failing for two days.
        exec("UPDATE mail_outbox SET status = 'failed', last_error = '421 try later' WHERE recipient ="
                + " 'bounced@example.org'");
        Document page = editor.page("/admin/subscribers");
        var row = page.selectFirst("tr[data-alert]:contains(Floods in Beledweyne)");
        assertThat(row.select("td").get(6).ownText()).isEqualTo("1");
        String id = row.attr("data-alert");
        assertThat(editor.post("/admin/subscribers/retry", Map.of("what", "alert", "id", id))
                        .statusCode())
                .isEqualTo(303);
        assertThat(editor.page("/admin/subscribers").select(".flash").text())
                .isEqualTo("1 failed messages will be sent again.");
        assertThat(mailTo("bounced@example.org", 2)).hasSize(2);
        assertThat(editor.post("/admin/subscribers/retry", Map.of("what", "alert", "id", id))
                        .statusCode())
                .isEqualTo(303);
        assertThat(editor.page("/admin/subscribers").select(".flash").text())
                .isEqualTo("There was no failed message to send again.");
        assertThat(admin.page("/admin/audit").text()).contains("sent the failed messages of");
    }

    @Test
    void an_arabic_alert_is_right_to_left_with_its_featured_image_its_alt_text_and_a_plain_text_part()
            throws Exception {
        long now = TestSite.NOW.toEpochMilli();
        exec("INSERT INTO subscribers (address, language, sections, status, consented_at, source, created_at,"
                + " confirmation_sent_at) VALUES ('qari@example.org', 'ar', '', 'confirmed', " + now + ", '/', "
                + now + ", " + now + ")");
        Article story = draft("ar", "افتتاح ميناء بربرة");
        var image = new java.awt.image.BufferedImage(1200, 675, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var bytes = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpeg", bytes);
        var photo = site.wiring()
                .media()
                .service()
                .upload(
                        bytes.toByteArray(),
                        null,
                        Map.of("ar", new org.wargeys.media.Image.Text("رافعات في ميناء بربرة", null)),
                        Actor.TERMINAL);
        site.wiring().articles().service().feature(story.id(), photo.id(), Actor.TERMINAL);
        site.wiring().newsletters().alerts().publishAndAlert(story.id(), Actor.TERMINAL);
        MimeMessage alert = mailTo("qari@example.org", 1).get(0);
        var parts = (jakarta.mail.internet.MimeMultipart) alert.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat((String) parts.getBodyPart(0).getContent()).contains("افتتاح ميناء بربرة");
        Document html = Jsoup.parse((String) parts.getBodyPart(1).getContent());
        assertThat(html.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(html.selectFirst("html").attr("lang")).isEqualTo("ar");
        var img = html.selectFirst("img");
        assertThat(img.attr("alt")).isEqualTo("رافعات في ميناء بربرة");
        String base = site.wiring().platform().site().baseUrl();
        assertThat(img.attr("src")).startsWith(base + "/media/").endsWith("-640.jpg");
        assertThat(img.attr("width")).isEqualTo("640");
        assertThat(html.select("[src], [href]").eachAttr("abs:src").stream()
                        .filter(u -> !u.isEmpty())
                        .toList())
                .allMatch(u -> u.startsWith(base));
        assertThat(html.select("a[href]").eachAttr("href"))
                .as("no tracking redirect, no third party")
                .allMatch(u -> u.startsWith(base));
        assertThat(site.get(img.attr("src").substring(base.length())).statusCode())
                .as("the picture is there")
                .isEqualTo(200);
    }
}
