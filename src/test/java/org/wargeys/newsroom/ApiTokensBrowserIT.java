package org.wargeys.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wargeys.account.Role;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.Chromium;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/**
 * A staff member on a 390-pixel phone makes an API token with the keyboard alone, copies the secret
 * shown once, uses it, and revokes it; the page fits the screen. Debian's Chromium; skipped with a
 * message when it is missing outside CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTokensBrowserIT {

    private static final String PASSWORD = "correct horse battery";

    private TestSite site;
    private Chromium chromium;

    @BeforeAll
    void start() {
        chromium = Chromium.launch();
        site = TestSite.start(DatabaseKind.SQLITE, false);
        site.wiring()
                .accounts()
                .accounts()
                .create("author@example.org", "Abdi", Role.AUTHOR, Set.of(), PASSWORD, Actor.TERMINAL);
    }

    @AfterAll
    void stop() {
        if (chromium != null) chromium.close();
        if (site != null) site.deleteData();
    }

    @Test
    void a_token_is_made_with_the_keyboard_on_a_phone_used_and_revoked() {
        String origin = "http://127.0.0.1:" + site.port();
        Browser browser = chromium.browser();
        try (BrowserContext context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("en-GB"))) {
            Page page = context.newPage();
            page.navigate(origin + "/admin/login");
            page.fill("#email", "author@example.org");
            page.fill("#password", PASSWORD);
            page.click("form[action='/admin/login'] button[type=submit]");
            page.waitForURL("**/admin"); // the desk
            page.click("nav a[href='/admin/tokens']");
            page.waitForURL("**/admin/tokens");
            // An author is offered only what their role can use.
            assertThat(page.locator("input[name=scopes]").count()).isEqualTo(3);
            assertThat(page.locator("input[value='articles:publish']").count()).isZero();

            page.focus("#token-name");
            page.keyboard().type("Phone drafts");
            page.keyboard().press("Tab"); // the first scope: drafts:read
            page.keyboard().press("Space");
            page.keyboard().press("Tab");
            page.keyboard().press("Space"); // articles:write
            page.focus("#token-days"); // a select does not submit on Enter: Tab on to the button
            page.keyboard().press("Tab");
            page.keyboard().press("Enter");

            page.waitForSelector("#new-secret");
            String secret = page.inputValue("#new-secret");
            assertThat(secret).startsWith("wgy_");
            boolean fits = (Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
            assertThat(fits).as("no sideways scrolling at 390 px").isTrue();

            var answer = site.send(HttpRequest.newBuilder(URI.create(origin + "/api/v1/admin/token"))
                    .header("Authorization", "Bearer " + secret)
                    .build());
            assertThat(answer.statusCode()).isEqualTo(200);

            page.navigate(origin + "/admin/tokens");
            assertThat(page.content()).doesNotContain(secret);
            page.click("table[data-tokens=own] button[type=submit]");
            page.waitForURL("**/admin/tokens?notice=revoked");
            var refused = site.send(HttpRequest.newBuilder(URI.create(origin + "/api/v1/admin/token"))
                    .header("Authorization", "Bearer " + secret)
                    .build());
            assertThat(refused.statusCode()).isEqualTo(401);
        }
    }
}
