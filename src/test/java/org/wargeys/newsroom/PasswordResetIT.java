package org.wargeys.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
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
import org.junit.jupiter.api.BeforeEach;
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
import org.wargeys.testsupport.TestClock;
import org.wargeys.testsupport.TestSite;

/**
 * "Forgot password" on both databases, over HTTP, the mail read back from GreenMail: the answer is
 * the same whether or not the address has an account; the link, in the asker's newsroom language,
 * sets a new password once, within the hour, and signs the account out everywhere; no second link
 * within ten minutes. Each test has an account of its own.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordResetIT {

    static final String PASSWORD = "correct horse battery";
    static final String NEW_PASSWORD = "a new and long enough password";
    static final Pattern LINK = Pattern.compile("(http://\\S+/admin/reset\\?token=\\S+)");

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
                false,
                Map.of(
                        "mail.smtp.host", "127.0.0.1",
                        "mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()),
                        "mail.smtp.security", "none"),
                clock);
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

    void account(String email) {
        site.wiring().accounts().accounts().create(email, "Hodan", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
    }

    /** Fetches a form (for its CSRF cookie and field) and posts it, as a browser would. */
    HttpResponse<String> submit(String formPath, String postPath, Map<String, String> fields, String language) {
        HttpResponse<String> form = site.get(formPath, Map.of("Accept-Language", language));
        String cookie = StaffClient.cookie(form, "wargeys_sign_in").orElseThrow();
        String csrf = Jsoup.parse(form.body()).selectFirst("input[name=csrf]").val();
        var body = new java.util.LinkedHashMap<>(fields);
        body.put("csrf", csrf);
        return site.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + postPath))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", language)
                .header("Cookie", "wargeys_sign_in=" + cookie)
                .POST(HttpRequest.BodyPublishers.ofString(StaffClient.encode(body)))
                .build());
    }

    HttpResponse<String> forgot(String email, String language) {
        return submit("/admin/forgot", "/admin/forgot", Map.of("email", email), language);
    }

    List<MimeMessage> mailTo(String address, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            List<MimeMessage> found = List.of(smtp.getReceivedMessagesForDomain(address));
            if (found.size() >= count || System.nanoTime() > deadline) {
                assertThat(found).hasSize(count);
                return found;
            }
            smtp.waitForIncomingEmail(200, smtp.getReceivedMessages().length + 1);
        }
    }

    String token(MimeMessage m) throws Exception {
        Matcher matcher = LINK.matcher((String) m.getContent());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1).substring(matcher.group(1).indexOf("token=") + "token=".length());
    }

    int outbox(String address) {
        return site.wiring()
                .platform()
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :a")
                        .bind("a", address)
                        .mapTo(Integer.class)
                        .one());
    }

    @Test
    void the_answer_is_the_same_whether_or_not_the_address_has_an_account() throws Exception {
        account("hodan@example.org");
        HttpResponse<String> known = forgot("Hodan@Example.org", "en");
        HttpResponse<String> unknown = forgot("nobody@example.org", "en");
        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(known.body()).select("main").text())
                .isEqualTo(Jsoup.parse(unknown.body()).select("main").text())
                .contains("If this address has an account");
        assertThat(outbox("nobody@example.org")).isZero();
        mailTo("hodan@example.org", 1);
    }

    @Test
    void the_link_in_the_askers_language_sets_a_new_password_once_and_signs_out_everywhere() throws Exception {
        account("cabdi@example.org");
        StaffClient elsewhere = StaffClient.signIn(site, "cabdi@example.org", PASSWORD);
        forgot("cabdi@example.org", "so");
        MimeMessage mail = mailTo("cabdi@example.org", 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Furahaaga cusub ee qolka wararka Warsoor");
        assertThat(mail.getHeader("Content-Language", null)).isEqualTo("so");
        String token = token(mail);
        String page = "/admin/reset?token=" + token;
        assertThat(site.get(page).statusCode()).isEqualTo(200);

        HttpResponse<String> differ =
                submit(page, "/admin/reset", Map.of("token", token, "password", NEW_PASSWORD, "repeat", "other"), "en");
        assertThat(differ.statusCode()).isEqualTo(400);
        HttpResponse<String> done = submit(
                page, "/admin/reset", Map.of("token", token, "password", NEW_PASSWORD, "repeat", NEW_PASSWORD), "en");
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).hasValue("/admin/login");

        assertThat(elsewhere.get("/admin/articles").statusCode())
                .as("signed out everywhere")
                .isEqualTo(303);
        StaffClient.signIn(site, "cabdi@example.org", NEW_PASSWORD);
        assertThat(StaffClient.anonymous(site)
                        .attemptSignIn("cabdi@example.org", PASSWORD)
                        .statusCode())
                .isEqualTo(401);
        assertThat(site.get(page).statusCode()).as("used up").isEqualTo(410);
    }

    @Test
    void a_link_stops_working_after_an_hour_and_no_second_one_comes_within_ten_minutes() throws Exception {
        account("late@example.org");
        forgot("late@example.org", "en");
        String token = token(mailTo("late@example.org", 1).get(0));
        forgot("late@example.org", "en");
        assertThat(outbox("late@example.org")).as("within ten minutes").isEqualTo(1);
        clock.advance(Duration.ofMinutes(61));
        assertThat(site.get("/admin/reset?token=" + token).statusCode()).isEqualTo(410);
        forgot("late@example.org", "en");
        assertThat(outbox("late@example.org")).isEqualTo(2);
    }

    @Test
    void an_invitation_by_mail_lets_the_colleague_choose_their_password_within_a_week() throws Exception {
        site.wiring()
                .accounts()
                .accounts()
                .create(
                        "boss-" + database + "@example.org",
                        "Ayaan",
                        Role.ADMINISTRATOR,
                        Set.of(),
                        PASSWORD,
                        Actor.TERMINAL);
        StaffClient admin = StaffClient.signIn(site, "boss-" + database + "@example.org", PASSWORD);
        HttpResponse<String> invited = admin.post(
                "/admin/users/invite", Map.of("email", "newcomer@example.org", "name", "Nuur", "role", "author"));
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(303);
        assertThat(invited.headers().firstValue("Location")).hasValue("/admin/users");
        assertThat(admin.page("/admin/users").select(".flash").text())
                .isEqualTo("The invitation is on its way. Its link works once, for seven days.");

        MimeMessage mail = mailTo("newcomer@example.org", 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("You are invited to the Warsoor newsroom");
        assertThat((String) mail.getContent()).contains("Hello Nuur,", "Ayaan invited you", "as Author");
        String token = token(mail);
        HttpResponse<String> twice = admin.post(
                "/admin/users/invite", Map.of("email", "newcomer@example.org", "name", "Nuur", "role", "author"));
        assertThat(twice.statusCode()).as("an address has one account").isEqualTo(400);
        clock.advance(Duration.ofDays(2));
        String page = "/admin/reset?token=" + token;
        assertThat(Jsoup.parse(site.get(page).body()).selectFirst("h1").text()).isEqualTo("Choose your password");
        HttpResponse<String> chosen = submit(
                page, "/admin/reset", Map.of("token", token, "password", NEW_PASSWORD, "repeat", NEW_PASSWORD), "en");
        assertThat(chosen.statusCode()).isEqualTo(303);
        StaffClient newcomer = StaffClient.signIn(site, "newcomer@example.org", NEW_PASSWORD);
        assertThat(newcomer.get("/admin/articles").statusCode())
                .as("no one-time password to change")
                .isEqualTo(200);
    }
}
