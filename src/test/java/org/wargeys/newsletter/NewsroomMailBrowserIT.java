package org.wargeys.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wargeys.account.Role;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.Axe;
import org.wargeys.testsupport.Chromium;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/**
 * The newsroom's mail pages in Chromium, on a phone, in Somali and Arabic (the markup does not depend
 * on the database: SQLite): an editor switches a kind of notification mail off with the keyboard
 * alone and sees it saved; /admin/subscribers with its digest time, previews and tests; axe-core finds
 * nothing and nothing is wider than the phone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsroomMailBrowserIT {

    static final String PASSWORD = "correct horse battery";

    TestSite site;
    Chromium chromium;
    String origin;

    @BeforeAll
    void start() {
        site = TestSite.start(DatabaseKind.SQLITE, false);
        site.wiring()
                .accounts()
                .accounts()
                .create("sahra@example.org", "Sahra", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
        chromium = Chromium.launch();
        origin = "http://127.0.0.1:" + site.port();
    }

    @AfterAll
    void stop() {
        if (chromium != null) chromium.close();
        if (site != null) site.deleteData();
    }

    BrowserContext phone(String language) {
        return chromium.browser()
                .newContext(new Browser.NewContextOptions()
                        .setLocale(language)
                        .setExtraHTTPHeaders(Map.of("Accept-Language", language))
                        .setViewportSize(390, 844)
                        // axe is a script the newsroom's CSP (rightly) refuses; the check needs it in the page.
                        .setBypassCSP(true));
    }

    Page signIn(BrowserContext context, String path) {
        Page page = context.newPage();
        page.navigate(origin + path);
        page.fill("#email", "sahra@example.org");
        page.fill("#password", PASSWORD);
        page.click("form[action='/admin/login'] button[type=submit]");
        page.waitForURL(u -> !u.contains("/admin/login"));
        return page;
    }

    void accessibleAndNarrow(Page page) {
        assertThat(Axe.violations(page)).as("axe-core on " + page.url()).isEmpty();
        Object wide = page.evaluate("document.documentElement.scrollWidth");
        assertThat(((Number) wide).intValue())
                .as("nothing wider than the phone on " + page.url())
                .isLessThanOrEqualTo(390);
    }

    @Test
    void an_editor_switches_a_notification_mail_off_with_the_keyboard_on_a_phone() {
        try (BrowserContext context = phone("so")) {
            Page page = signIn(context, "/admin/account/notifications");
            assertThat(page.getAttribute("html", "lang")).isEqualTo("so");
            assertThat(page.textContent("h1")).isEqualTo("Ogeysiisyada iimaylka");
            accessibleAndNarrow(page);
            page.focus("#kind-mentioned");
            page.keyboard().press("Space");
            assertThat(page.isChecked("#kind-mentioned")).isFalse();
            page.focus("main button[type=submit]");
            page.keyboard().press("Enter");
            page.waitForSelector(".flash");
            assertThat(page.textContent(".flash")).contains("Doorashadaada ogeysiisyada iimaylka waa la kaydiyey.");
            assertThat(page.isChecked("#kind-mentioned")).isFalse();
            assertThat(page.isChecked("#kind-submitted")).isTrue();
        }
    }

    @Test
    void the_subscribers_page_with_its_newsletter_tools_is_accessible_on_a_phone_in_arabic() {
        try (BrowserContext context = phone("ar")) {
            Page page = signIn(context, "/admin/subscribers");
            assertThat(page.getAttribute("html", "dir")).isEqualTo("rtl");
            page.fill("#digest_time", "06:30");
            page.click("form[action='/admin/subscribers/digest-time'] button[type=submit]");
            page.waitForSelector(".flash");
            assertThat(page.textContent(".flash")).contains("06:30");
            assertThat(page.inputValue("#digest_time")).isEqualTo("06:30");
            accessibleAndNarrow(page);
        }
    }
}
