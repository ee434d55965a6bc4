package org.wargeys.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wargeys.account.Role;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.Chromium;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestFiles;
import org.wargeys.testsupport.TestSite;

/**
 * axe-core (Deque's engine, as browsers' accessibility tools run it) finds nothing on the editor's
 * pages in English, Somali and Arabic: a new article, a draft with its images and pickers, the image
 * library and link dialogs, and a translation beside its source. Once, on SQLite: accessibility does
 * not depend on the database. With {@code -Deditor.screenshots=DIR} it also saves the screenshots
 * docs/newsroom.md shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorAccessibilityBrowserIT {

    static final String PASSWORD = "correct horse battery";

    TestSite site;
    Chromium chromium;
    long draft;
    long translation;

    @BeforeAll
    void start() {
        chromium = Chromium.launch();
        site = TestSite.start(DatabaseKind.SQLITE);
        var accounts = site.wiring().accounts().accounts();
        accounts.create("a11y@example.org", "Ayaan Editor", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
        StaffClient staff = StaffClient.signIn(site, "a11y@example.org", PASSWORD);
        var uploaded = staff.postFile(
                "/admin/media",
                Map.of("alt_en", "Camels at a dry well"),
                "well.png",
                "image/png",
                TestFiles.png(1600, 1000));
        long image = Long.parseLong(
                uploaded.headers().firstValue("Location").orElseThrow().replaceAll("\\D+", ""));
        var created = staff.post(
                "/admin/articles",
                Map.of(
                        "language", "en",
                        "headline", "Wells run dry across Galmudug",
                        "standfirst", "Herders move north as the rains fail.",
                        "body_format", "html",
                        "body",
                                "<p>Water points across the region have dried up.</p><h2>Herders move north</h2>"
                                        + "<blockquote class=\"shareable\"><p>We have nothing left.</p></blockquote>"
                                        + "<figure><img src=\"/media/" + image
                                        + "-640.png\" alt=\"Camels at a dry well\" width=\"640\" height=\"400\">"
                                        + "<figcaption>Camels near Dhusamareb <small>Warsoor</small></figcaption></figure>",
                        "tags", "iran",
                        "section", "world",
                        "featured_image", String.valueOf(image),
                        "featured_alt", "Camels at a dry well"));
        draft = Long.parseLong(
                created.headers().firstValue("Location").orElseThrow().replaceAll("^/admin/articles/(\\d+).*$", "$1"));
        staff.post("/admin/articles/" + draft + "/workflow", Map.of("step", "publish"));
        var started = staff.post("/admin/articles/" + draft + "/translations", Map.of("language", "so"));
        translation = Long.parseLong(
                started.headers().firstValue("Location").orElseThrow().replaceAll("\\D+", ""));
    }

    @AfterAll
    void stop() {
        if (chromium != null) chromium.close();
        if (site != null) site.deleteData();
    }

    Page signedIn(BrowserContext context, String ui) {
        Page page = context.newPage();
        page.navigate("http://127.0.0.1:" + site.port() + "/admin/login?ui=" + ui);
        page.fill("#email", "a11y@example.org");
        page.fill("#password", PASSWORD);
        page.click("form[action='/admin/login'] button[type=submit]");
        page.waitForURL("**/admin"); // the desk
        return page;
    }

    static void noViolations(Page page, String what) {
        AxeResults results = new AxeBuilder(page).analyze();
        List<Rule> violations = results.getViolations();
        assertThat(violations)
                .as(what + ": "
                        + violations.stream()
                                .map(v -> v.getId() + " ("
                                        + v.getNodes().stream()
                                                .map(n -> String.valueOf(n.getTarget()))
                                                .collect(Collectors.joining(", "))
                                        + ")")
                                .collect(Collectors.joining("; ")))
                .isEmpty();
    }

    void screenshot(Page page, String name) {
        String dir = System.getProperty("editor.screenshots");
        if (dir == null || dir.isBlank()) return;
        try {
            Files.createDirectories(Path.of(dir));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of(dir, name + ".png")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "so", "ar"})
    void the_editor_pages_have_no_accessibility_violations(String ui) {
        try (BrowserContext context = chromium.browser()
                .newContext(new Browser.NewContextOptions()
                        .setViewportSize(1440, 1000)
                        .setLocale(ui.equals("en") ? "en-GB" : ui))) {
            context.setDefaultTimeout(10_000);
            Page page = signedIn(context, ui);
            String origin = "http://127.0.0.1:" + site.port();

            page.navigate(origin + "/admin/articles/new?language=" + ui);
            page.waitForSelector(".ProseMirror");
            noViolations(page, "a new article (" + ui + ")");
            screenshot(page, "editor-new-" + ui);

            page.navigate(origin + "/admin/articles/" + draft);
            page.waitForSelector(".ProseMirror figure.editor-figure");
            page.frame("preview").waitForSelector("article.article");
            noViolations(page, "an article with images, tags and bylines (" + ui + ")");
            screenshot(page, "editor-article-" + ui);

            page.click("button[data-command=image]");
            page.waitForSelector("dialog .library-item");
            noViolations(page, "the image library (" + ui + ")");
            screenshot(page, "editor-library-" + ui);
            page.keyboard().press("Escape");
            page.waitForSelector("dialog", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.DETACHED));
            EditorBrowserIT.backInTheText(page);

            // The first paragraph selected from its start (a click may land past the end of its line).
            page.click(".ProseMirror p");
            page.keyboard().press("Home");
            page.keyboard().press("Shift+End");
            page.keyboard().press("Control+k");
            page.waitForSelector("dialog #link-href");
            noViolations(page, "the link dialog (" + ui + ")");
            page.keyboard().press("Escape");

            page.click("#tags");
            page.keyboard().type("i");
            page.waitForSelector("#tags[aria-expanded=true]");
            noViolations(page, "the tag suggestions (" + ui + ")");
            page.keyboard().press("Escape");

            page.navigate(origin + "/admin/articles/" + translation);
            page.waitForSelector(".segment");
            noViolations(page, "a translation beside its source (" + ui + ")");
            screenshot(page, "editor-translation-" + ui);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"so"})
    void a_phone_shows_the_editor_whole_at_390_pixels(String ui) {
        try (BrowserContext context = chromium.browser()
                .newContext(new Browser.NewContextOptions()
                        .setViewportSize(390, 844)
                        .setDeviceScaleFactor(2)
                        .setIsMobile(true)
                        .setHasTouch(true)
                        .setLocale(ui))) {
            Page page = signedIn(context, ui);
            page.navigate("http://127.0.0.1:" + site.port() + "/admin/articles/" + draft);
            page.waitForSelector(".ProseMirror");
            noViolations(page, "the editor on a phone (" + ui + ")");
            assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("nothing wider than the phone's screen")
                    .isTrue();
            screenshot(page, "editor-phone-" + ui);
        }
    }
}
