package org.wargeys.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wargeys.account.Role;
import org.wargeys.article.ArticleDraft;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.Chromium;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/**
 * A reader's journey in Debian's Chromium at a phone's width, in English and in Somali: subscribe with
 * the form on the home page, follow the confirmation link from the mail (read back from GreenMail),
 * receive the alert an editor sends by ticking "Send to subscribers" when publishing, then open the
 * alert and unsubscribe with its link and one button. Skipped (with a message) when Chromium is
 * missing outside CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubscribeBrowserIT {

    static final String PASSWORD = "correct horse battery";
    static final Pattern LINK = Pattern.compile("(http://[^\\s\"<>]+)");

    GreenMail smtp;
    TestSite site;
    Chromium chromium;
    Browser browser;

    @BeforeAll
    void start() {
        chromium = Chromium.launch();
        browser = chromium.browser();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        site = TestSite.start(
                DatabaseKind.SQLITE,
                true,
                Map.of(
                        "mail.smtp.host", "127.0.0.1",
                        "mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()),
                        "mail.smtp.security", "none",
                        "mail.from", "Warsoor <news@warsoor.test>"));
        site.wiring()
                .accounts()
                .accounts()
                .create("editor@example.org", "Edna", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
    }

    @AfterAll
    void stop() {
        if (chromium != null) chromium.close();
        if (site != null) site.deleteData();
        if (smtp != null) smtp.stop();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | reader@example.org | Port of Berbera expands | Check your inbox | You are subscribed | Breaking: | Unsubscribe | You are unsubscribed
            so | akhriste@example.org | Dekedda Berbera waa la ballaariyey | Eeg sanduuqaaga iimaylka | Waad isdiiwaangelisay | War degdeg ah: | Ka bax | Waad ka baxday
            """)
    void subscribe_confirm_receive_an_alert_and_unsubscribe_in_one_click(
            String language,
            String address,
            String headline,
            String checkInbox,
            String subscribed,
            String subjectStart,
            String unsubscribe,
            String unsubscribed)
            throws Exception {
        String origin = "http://127.0.0.1:" + site.port();
        try (BrowserContext reader = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(390, 844).setJavaScriptEnabled(false))) {
            Page page = reader.newPage();
            // Subscribe on the home page: plain HTML, no script.
            page.navigate(origin + "/" + language + "/");
            page.fill("#newsletter-box-email", address);
            // Nothing is ticked for the reader: alerts, and (in Somali) the daily digest too.
            page.check(".newsletter-box input[name=alerts]");
            if (language.equals("so")) page.check(".newsletter-box input[name=digest]");
            page.click(".newsletter-box button[type=submit]");
            page.waitForURL("**/" + language + "/newsletter/thanks");
            assertThat(page.textContent("h1")).isEqualTo(checkInbox);

            // The confirmation, in the page's language; its link subscribes.
            MimeMessage confirmation = mailTo(address, 1).get(0);
            assertThat(confirmation.getHeader("Content-Language", null)).isEqualTo(language);
            assertThat(text(confirmation))
                    .contains(
                            language.equals("so")
                                    ? "digniinaha wararka degdegga ah iyo soo koobidda maalinlaha ah"
                                    : "breaking-news alerts from Warsoor");
            page.navigate(link(text(confirmation), "/newsletter/confirm"));
            assertThat(page.textContent("h1")).isEqualTo(subscribed);
        }

        // An editor publishes with "Send to subscribers" ticked.
        var draft = site.wiring()
                .articles()
                .service()
                .createDraft(
                        new ArticleDraft(
                                language, null, headline, null, null, null, "Text.", "world", List.of(), List.of()),
                        Actor.TERMINAL);
        try (BrowserContext staff = browser.newContext()) {
            Page page = staff.newPage();
            page.navigate(origin + "/admin/articles/" + draft.id());
            page.fill("#email", "editor@example.org");
            page.fill("#password", PASSWORD);
            page.click("form[action='/admin/login'] button[type=submit]");
            page.waitForURL("**/admin/articles/" + draft.id());
            page.check("form:has(button[data-step=publish]) input[name=alert]");
            page.click("button[data-step=publish]");
            page.waitForSelector("text=" + headline);
        }

        MimeMessage alert = mailTo(address, 2).get(1);
        assertThat(alert.getSubject()).isEqualTo(subjectStart + " " + headline);
        String html =
                (String) ((MimeMultipart) alert.getContent()).getBodyPart(1).getContent();
        try (BrowserContext reader = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(390, 844).setJavaScriptEnabled(false))) {
            Page mail = reader.newPage();
            mail.setContent(html);
            assertThat(mail.textContent("h1").strip()).isEqualTo(headline);
            // The mail's unsubscribe link, then one button.
            mail.click("a:text-is('" + unsubscribe + "')");
            mail.waitForURL("**/" + language + "/newsletter/unsubscribe?token=*");
            mail.click("main form button");
            assertThat(mail.textContent("h1")).isEqualTo(unsubscribed);
        }
        int left = site.wiring()
                .platform()
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM subscribers WHERE address = :a")
                        .bind("a", address)
                        .mapTo(Integer.class)
                        .one());
        assertThat(left).isZero();
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

    static String text(MimeMessage m) throws Exception {
        return (String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent();
    }

    static String link(String text, String contains) {
        Matcher m = LINK.matcher(text);
        while (m.find()) if (m.group(1).contains(contains)) return m.group(1);
        throw new AssertionError("No link with " + contains + " in:\n" + text);
    }
}
