package org.wargeys.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wargeys.testsupport.Chromium;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/**
 * A reader shares an article in Debian's Chromium: Copy link puts the canonical URL on the clipboard
 * and says so, the click is counted by the site's own beacon, the bar works without JavaScript, and the
 * page asks no other host for anything. Skipped (with a message) when Chromium is missing outside CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharingBrowserIT {

    private static final String EN = "/en/2020/12/iran-vows-soleimani-revenge";
    private static final String READER =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0 Safari/537.36";

    private TestSite site;
    private Chromium chromium;
    private Browser browser;

    @BeforeAll
    void start() {
        chromium = Chromium.launch();
        browser = chromium.browser();
        site = TestSite.start(DatabaseKind.SQLITE);
    }

    @AfterAll
    void stop() {
        if (chromium != null) chromium.close();
        if (site != null) {
            site.deleteData();
        }
    }

    @Test
    void copy_link_puts_the_canonical_url_on_the_clipboard_and_nothing_is_fetched_from_another_host() throws Exception {
        String origin = "http://127.0.0.1:" + site.port();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setUserAgent(READER))) {
            context.grantPermissions(
                    List.of("clipboard-read", "clipboard-write"),
                    new BrowserContext.GrantPermissionsOptions().setOrigin(origin));
            List<String> requests = new CopyOnWriteArrayList<>();
            context.onRequest(request -> requests.add(request.url()));
            Page page = context.newPage();
            page.navigate(origin + EN);
            page.waitForLoadState();

            // The script folded the list behind "Share via".
            assertThat(page.isVisible("button.share-via")).isTrue();
            assertThat(page.isHidden("ul.share-list")).isTrue();

            page.waitForResponse(
                    response -> response.url().endsWith("/api/v1/shares"), () -> page.click("a[data-network=copy]"));
            // A locator wait, not waitForFunction: that one evaluates a string, which the page's CSP forbids.
            page.locator(".share-status:text-is('Link copied')").waitFor();
            String clipboard = (String) page.evaluate("navigator.clipboard.readText()");
            assertThat(clipboard).isEqualTo(site.baseUrl() + EN);

            long id = site.wiring()
                    .articles()
                    .service()
                    .findPublished("en", "iran-vows-soleimani-revenge")
                    .orElseThrow()
                    .id();
            var totals = new ObjectMapper()
                    .readTree(site.get("/api/v1/articles/" + id + "/shares").body());
            assertThat(totals.path("networks").path("copy").asLong()).isEqualTo(1);

            boolean nativeShare = (Boolean) page.evaluate("typeof navigator.share === 'function'");
            if (!nativeShare) {
                page.click("button.share-via");
                assertThat(page.isVisible("ul.share-list a[data-network=telegram]"))
                        .isTrue();
                assertThat(page.getAttribute("button.share-via", "aria-expanded"))
                        .isEqualTo("true");
            }

            assertThat(requests).isNotEmpty();
            assertThat(requests)
                    .allSatisfy(
                            url -> assertThat(URI.create(url).getHost()).as(url).isEqualTo("127.0.0.1"));
        }
    }

    @Test
    void copy_link_falls_back_when_the_browser_has_no_clipboard_api() {
        String origin = "http://127.0.0.1:" + site.port();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setUserAgent(READER))) {
            context.grantPermissions(
                    List.of("clipboard-read", "clipboard-write"),
                    new BrowserContext.GrantPermissionsOptions().setOrigin(origin));
            Page page = context.newPage();
            page.addInitScript("Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });");
            page.navigate(origin + "/so/2020/12/iran-oo-ballan-qaaday");
            assertThat(page.evaluate("typeof navigator.clipboard")).isEqualTo("undefined");
            page.click("a[data-network=copy]");
            page.locator(".share-status:text-is('Xiriirka waa la koobiyeeyay')").waitFor();

            // Another tab of the same browser still has the Clipboard API, and finds the link there.
            Page reader = context.newPage();
            reader.navigate(origin + "/so/");
            assertThat(reader.evaluate("navigator.clipboard.readText()"))
                    .isEqualTo(site.baseUrl() + "/so/2020/12/iran-oo-ballan-qaaday");
        }
    }

    @Test
    void without_javascript_every_network_is_a_visible_plain_link() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page page = context.newPage();
            page.navigate("http://127.0.0.1:" + site.port() + "/so/2020/12/iran-oo-ballan-qaaday");
            assertThat(page.isHidden("button.share-via")).isTrue();
            for (String network : List.of("x", "facebook", "whatsapp", "telegram", "linkedin", "email", "copy")) {
                assertThat(page.isVisible(".share-bar a[data-network=" + network + "]"))
                        .as(network)
                        .isTrue();
            }
            assertThat(page.textContent(".share-bar a[data-network=copy]")).isEqualTo("Koobiyee xiriirka");
        }
    }
}
