package org.wargeys.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.account.Role;
import org.wargeys.article.Article;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.Chromium;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/**
 * The article editor in Debian's Chromium, as reporters, editors and translators use it: writing from
 * the first keystroke, the toolbar and Markdown shortcuts, pickers, images, the preview, losing the
 * session, going offline, two tabs on one article, the translation workspace, a phone. On both
 * databases; each journey in English and in Somali.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(value = DatabaseKind.class, names = "SQLITE") // DEV-ONLY
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorBrowserIT {

    static final String PASSWORD = "correct horse battery";

    @Parameter
    DatabaseKind database;

    TestSite site;
    Chromium chromium;
    Browser browser;
    final List<BrowserContext> contexts = new ArrayList<>();
    final List<String> consoleErrors = new ArrayList<>();

    @BeforeParameterizedClassInvocation
    void start() {
        chromium = Chromium.launch();
        browser = chromium.browser();
        site = TestSite.start(database);
        var accounts = site.wiring().accounts().accounts();
        accounts.create("reporter@example.org", "Hodan Ali", Role.AUTHOR, Set.of(), PASSWORD, Actor.TERMINAL);
        accounts.create("editor@example.org", "Edna Editor", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
        accounts.create(
                "translator@example.org", "Cabdi Turjubaan", Role.TRANSLATOR, Set.of("so"), PASSWORD, Actor.TERMINAL);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (chromium != null) chromium.close();
        if (site != null) site.deleteData();
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        assertThat(consoleErrors).as("errors in the browser console").isEmpty();
    }

    String origin() {
        return "http://127.0.0.1:" + site.port();
    }

    /** A signed-in browser whose newsroom speaks {@code ui}. */
    Page signedIn(String email, String ui) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale(ui.equals("so") ? "so-SO" : ui.equals("ar") ? "ar" : "en-GB")
                .setViewportSize(1400, 1000));
        contexts.add(context);
        context.setDefaultTimeout(8_000);
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            // Failed requests are checked by status below (some answers are expected: 401, 409…).
            if (m.type().equals("error") && !m.text().startsWith("Failed to load resource"))
                consoleErrors.add(m.text());
        });
        page.onResponse(r -> {
            if (r.status() == 404 || r.status() >= 500) consoleErrors.add(r.status() + " " + r.url());
        });
        page.onPageError(e -> consoleErrors.add(e));
        page.navigate(origin() + "/admin/login?ui=" + ui);
        page.fill("#email", email);
        page.fill("#password", PASSWORD);
        page.click("form[action='/admin/login'] button[type=submit]");
        page.waitForURL("**/admin/articles");
        return page;
    }

    @Test
    void smoke() {
        Page page = signedIn("reporter@example.org", "en");
        page.navigate(origin() + "/admin/articles/new");
        page.waitForSelector(".ProseMirror");
        page.click("#headline");
        page.keyboard().type("Wells run dry in Galmudug");
        page.click(".ProseMirror");
        page.keyboard().type("## Herders move north");
        page.keyboard().press("Enter");
        page.keyboard().type("Water points across the region have dried up.");
        page.waitForSelector("[data-save-status][data-state=saved]");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("/tmp/editor-1.png"))
                .setFullPage(true));
        String url = page.url();
        long id = Long.parseLong(url.replaceAll(".*/", ""));
        Article a = site.wiring().articles().service().find(id);
        assertThat(a.body()).contains("<h2>Herders move north</h2>");
    }
}
