package org.wargeys.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.wargeys.account.User;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleStatus;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.Chromium;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestFiles;
import org.wargeys.testsupport.TestSite;
import org.wargeys.web.MessageBundles;

/**
 * The article editor in Debian's Chromium, as reporters, editors and translators use it: writing from
 * the first keystroke with the toolbar, Markdown shortcuts and pasting from Word; pickers; images in
 * place; the preview, address and search-engine fields; losing the session; going offline and the
 * server restarting; two tabs and two people on one article; the translation workspace; a phone on a
 * slow network; the keyboard alone. Every journey runs on both databases, in English on one and in
 * Somali on the other, so each is seen in both languages.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorBrowserIT {

    static final String PASSWORD = "correct horse battery";
    /** An article's own editor address (a new article's becomes one at its first keystroke). */
    static final java.util.regex.Pattern ARTICLE = java.util.regex.Pattern.compile(".*/admin/articles/\\d+$");

    @Parameter
    DatabaseKind database;

    TestSite site;
    Chromium chromium;
    Browser browser;
    User reporter;
    User editorUser;
    final List<BrowserContext> contexts = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    final Set<String> expectedStatuses = new java.util.HashSet<>();

    @BeforeParameterizedClassInvocation
    void start() {
        chromium = Chromium.launch();
        browser = chromium.browser();
        site = TestSite.start(database);
        var accounts = site.wiring().accounts().accounts();
        reporter =
                accounts.create("reporter@example.org", "Hodan Ali", Role.AUTHOR, Set.of(), PASSWORD, Actor.TERMINAL);
        editorUser =
                accounts.create("editor@example.org", "Edna Editor", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
        accounts.create("desk@example.org", "Dahir Desk", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
        accounts.create(
                "translator@example.org", "Cabdi Turjubaan", Role.TRANSLATOR, Set.of("so"), PASSWORD, Actor.TERMINAL);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (chromium != null) chromium.close();
        if (site != null) site.deleteData();
    }

    @AfterEach
    void closeContexts(org.junit.jupiter.api.TestInfo test) {
        // What each browser showed last, for whoever reads a failure (target/editor-screens/).
        int n = 0;
        for (BrowserContext c : contexts) {
            for (Page p : c.pages()) {
                try {
                    p.screenshot(new Page.ScreenshotOptions()
                            .setFullPage(true)
                            .setPath(java.nio.file.Path.of(
                                    "target/editor-screens",
                                    test.getTestMethod().map(m -> m.getName()).orElse("test") + "-" + database + "-"
                                            + n++ + ".png")));
                } catch (RuntimeException e) {
                    // a closed page
                }
            }
        }
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        List<String> seen = new ArrayList<>(problems);
        problems.clear();
        expectedStatuses.clear();
        assertThat(seen).as("script errors and failed requests in the browser").isEmpty();
    }

    /** English on one database and Somali on the other; {@code swap} turns it round for half the journeys. */
    String language(boolean swap) {
        return (database == DatabaseKind.SQLITE) != swap ? "en" : "so";
    }

    static String msg(String language, String key, Object... values) {
        String text = MessageBundles.load(language).get(key);
        for (int i = 0; i + 1 < values.length; i += 2)
            text = text.replace("{" + values[i] + "}", String.valueOf(values[i + 1]));
        return text;
    }

    String origin() {
        return "http://127.0.0.1:" + site.port();
    }

    BrowserContext context(String ui, Browser.NewContextOptions options) {
        BrowserContext context =
                browser.newContext(options.setLocale(ui.equals("so") ? "so-SO" : ui.equals("ar") ? "ar" : "en-GB"));
        context.setDefaultTimeout(10_000);
        contexts.add(context);
        return context;
    }

    Page open(BrowserContext context) {
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            // Failed requests are checked by their status below (401 and 409 are part of some journeys).
            if (m.type().equals("error") && !m.text().startsWith("Failed to load resource")) problems.add(m.text());
        });
        page.onPageError(problems::add);
        page.onResponse(r -> {
            if ((r.status() >= 400 && !expectedStatuses.contains(String.valueOf(r.status())))) {
                problems.add(r.status() + " " + r.url());
            }
        });
        return page;
    }

    /** A signed-in browser, its newsroom in {@code ui}, on a wide screen. */
    Page signedIn(String email, String ui) {
        return signIn(open(context(ui, new Browser.NewContextOptions().setViewportSize(1440, 1000))), email, ui);
    }

    Page signIn(Page page, String email, String ui) {
        page.navigate(origin() + "/admin/login?ui=" + ui);
        page.fill("#email", email);
        page.fill("#password", PASSWORD);
        page.click("form[action='/admin/login'] button[type=submit]");
        page.waitForURL("**/admin"); // the desk
        return page;
    }

    /** Waits (within the timeout) until the element shows exactly this text. */
    static void expect(Page page, String selector, String text) {
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(selector))
                .hasText(text);
    }

    static void waitSaved(Page page) {
        page.waitForSelector("[data-save-status][data-state=saved]");
    }

    static long idOf(Page page) {
        return Long.parseLong(page.url().replaceAll("^.*/admin/articles/(\\d+).*$", "$1"));
    }

    Article article(long id) {
        return site.wiring().articles().service().find(id);
    }

    /** Types into the body editor at its end. */
    static void typeInBody(Page page, String text) {
        page.click(".ProseMirror");
        page.keyboard().press("Control+End");
        page.keyboard().type(text);
    }

    @Test
    void a_reporter_writes_with_the_toolbar_and_shortcuts_pastes_from_word_picks_tags_and_submits() {
        String ui = language(false);
        Page page = signedIn("reporter@example.org", ui);
        page.navigate(origin() + "/admin/articles/new");
        assertThat(page.getAttribute("#language option[selected]", "value")).isEqualTo(ui);
        page.selectOption("#language", "en");
        page.click("#headline");
        page.keyboard().type("Wells run dry in Galmudug");
        // The draft exists from the first keystroke: the address is the article's own.
        page.waitForURL(ARTICLE);
        long id = idOf(page);

        typeInBody(page, "Water points across the region have dried up.");
        page.keyboard().press("Enter");
        page.keyboard().type("## Herders move north");
        page.keyboard().press("Enter");
        page.keyboard().type("Camels are worth ");
        page.keyboard().press("Control+b");
        page.keyboard().type("half");
        page.keyboard().press("Control+b");
        page.keyboard().type(" what they were.");
        page.keyboard().press("Enter");
        page.keyboard().type("- Dhusamareb");
        page.keyboard().press("Enter");
        page.keyboard().type("Adado");
        page.keyboard().press("Enter");
        page.keyboard().press("Enter");
        page.keyboard().type("We have nothing left.");
        page.click("button[data-command=pullquote]");
        // A link through its dialog.
        page.keyboard().press("Shift+Home");
        page.keyboard().press("Control+k");
        page.fill("dialog #link-href", "https://example.org/report");
        page.keyboard().press("Enter");
        backInTheText(page);
        // Undo and redo.
        page.keyboard().press("End");
        page.keyboard().type(" Oops");
        page.keyboard().press("Control+z");
        page.keyboard().press("Control+y");
        page.keyboard().press("Control+z");
        assertThat(page.textContent(".word-count")).isEqualTo(msg(ui, "editor.word_count", "words", 24, "minutes", 1));

        // Pasted from Word: its styles, fonts and list markup come in as a clean list. (Enter twice
        // leaves the quote.)
        page.keyboard().press("Control+End");
        page.keyboard().press("Enter");
        page.keyboard().press("Enter");
        pasteHtml(
                page,
                "<p class=MsoNormal style='font-family:Calibri;color:red'><b>Aid</b> <span style='font-size:14pt'>agencies warn.</span><o:p></o:p></p>"
                        + "<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·<span>&nbsp;&nbsp;</span></span>Food</p>"
                        + "<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·<span>&nbsp;&nbsp;</span></span>Water</p>");
        // And from Google Docs: the whole paste in a <b> that is not bold.
        page.keyboard().press("Control+End");
        page.keyboard().press("Enter");
        page.keyboard().press("Enter");
        pasteHtml(
                page,
                "<meta charset='utf-8'><b style=\"font-weight:normal;\" id=\"docs-internal-guid-1\"><p dir=\"ltr\"><span style=\"font-weight:700\">Rains</span><span> may come.</span></p></b>");

        // Pickers: a tag by its name, a new one (proposed: an author cannot create tags), and the
        // reporter's own byline already there.
        assertThat(page.locator("#authors-value").inputValue()).isIn("user:" + reporter.id(), "hodan-ali");
        assertThat(page.locator(".chip").first().textContent()).contains("Hodan Ali");
        page.click("#tags");
        page.keyboard().type("ira");
        page.waitForSelector("#tags[aria-expanded=true]");
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Enter");
        page.keyboard().type("Pastoralists");
        page.keyboard().press("Enter");
        page.selectOption("#section", "world");
        waitSaved(page);

        Article saved = article(id);
        assertThat(saved.bodyFormat().code()).isEqualTo("html");
        assertThat(saved.bodyHtml())
                .contains("<h2>Herders move north</h2>", "<strong>half</strong>")
                .contains("<ul><li><p>Dhusamareb</p></li><li><p>Adado</p></li></ul>")
                .contains("<blockquote class=\"shareable\"><p><a href=\"https://example.org/report\"")
                .contains(
                        "</blockquote><p><strong>Aid</strong> agencies warn.</p><ul><li><p>Food</p></li><li><p>Water</p></li></ul>")
                .contains("</ul><p><strong>Rains</strong> may come.</p>")
                .doesNotContain("Oops", "Calibri", "style=", "docs-internal", "Mso");
        var details = site.wiring().articles().service().details(saved);
        assertThat(details.tags()).extracting(t -> t.key()).containsExactly("iran");
        assertThat(site.wiring().articles().taxonomy().proposals(id)).containsExactly("Pastoralists");
        assertThat(details.authors()).extracting(a -> a.name()).containsExactly("Hodan Ali");
        assertThat(details.section()).isPresent();

        page.click("button[data-step=submit]");
        page.waitForSelector("[data-status=in_review]");
        assertThat(article(id).status()).isEqualTo(ArticleStatus.IN_REVIEW);
    }

    /** Waits until a dialog has closed and the text has the keyboard again, as a writer sees it do. */
    static void backInTheText(Page page) {
        // (Selectors, not a page function: the newsroom's CSP forbids eval, as it should.)
        page.waitForSelector("dialog", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.DETACHED));
        page.waitForSelector(".ProseMirror:focus");
    }

    /** A paste event carrying HTML, as the browser sends one from another program. */
    static void pasteHtml(Page page, String html) {
        page.evaluate(
                "html => { const dt = new DataTransfer(); dt.setData('text/html', html); dt.setData('text/plain', 'x');"
                        + " document.querySelector('.ProseMirror').dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true})); }",
                html);
    }

    @Test
    void an_editor_illustrates_an_article_from_the_library_and_in_place_and_publishes_it_with_alt_text() {
        String ui = language(true);
        Page page = signedIn("editor@example.org", ui);
        page.navigate(origin() + "/admin/articles/new?language=en");
        page.fill("#headline", "Fishing season opens in Berbera");
        page.waitForURL(ARTICLE);
        long id = idOf(page);
        typeInBody(page, "Boats left at dawn.");

        // The featured image, uploaded in place: no alt text yet, asked for beside it.
        page.setInputFiles(
                "[data-featured-section] input[type=file]:not([capture])",
                new FilePayload("boats.png", "image/png", TestFiles.png(1600, 1000)));
        page.waitForSelector("[data-featured] img.featured-thumb");
        assertThat(page.isVisible("#featured_alt")).isTrue();
        waitSaved(page);
        // Not without alt text.
        expectedStatuses.add("400");
        page.click("button[data-step=publish]");
        page.waitForSelector("#featured_alt-error");
        assertThat(page.textContent("#featured_alt-error")).isEqualTo(msg(ui, "article.error.featured_alt_required"));
        page.fill("#featured_alt", "Fishing boats at Berbera");
        page.fill("#featured_caption", "Dawn in the harbour");
        waitSaved(page);

        // An image in the body, from the library's grid, found by its words.
        typeInBody(page, "");
        page.keyboard().press("Enter");
        page.click("button[data-command=image]");
        page.fill("dialog #library-search", "berbera");
        page.click("dialog .library-item");
        page.waitForSelector(".ProseMirror figure.editor-figure");
        page.fill(".editor-figure input[id$=-caption]", "The harbour at dawn");
        page.fill(".editor-figure input[id$=-credit]", "Warsoor");
        waitSaved(page);
        Article saved = article(id);
        assertThat(saved.bodyHtml())
                .containsPattern(
                        "<figure><img src=\"/media/\\d+-\\d+.png\" alt=\"Fishing boats at Berbera\" width=\"\\d+\" height=\"\\d+\" />"
                                + "<figcaption>The harbour at dawn <small>Warsoor</small></figcaption></figure>");
        page.click("button[data-step=publish]");
        page.waitForSelector("[data-status=published]");
        var reader = site.html(new org.wargeys.article.ArticlePaths(
                        site.wiring().platform().site().timezone())
                .path(article(id)));
        assertThat(reader.select("figure.featured-image img").attr("alt")).isEqualTo("Fishing boats at Berbera");
        assertThat(reader.select(".article-body figure figcaption").text()).isEqualTo("The harbour at dawn Warsoor");
    }

    @Test
    void a_lost_session_asks_to_sign_in_again_in_place_and_then_saves_what_was_pending() {
        String ui = language(false);
        Page page = signedIn("reporter@example.org", ui);
        page.navigate(origin() + "/admin/articles/new?language=en");
        page.fill("#headline", "Signed out mid-sentence");
        page.waitForURL(ARTICLE);
        long id = idOf(page);
        typeInBody(page, "First words.");
        waitSaved(page);

        expectedStatuses.add("401");
        site.wiring().accounts().sessions().endAll(reporter.id());
        typeInBody(page, " Words written after the session ended.");
        page.waitForSelector("dialog.sign-in-again");
        assertThat(page.textContent("[data-save-status]")).isEqualTo(msg(ui, "editor.status.signed_out"));
        page.fill("#again-password", PASSWORD);
        page.click("dialog.sign-in-again button[type=submit]");
        page.waitForSelector(
                "dialog.sign-in-again", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.DETACHED));
        waitSaved(page);
        assertThat(article(id).body()).contains("First words. Words written after the session ended.");
    }

    @Test
    void without_javascript_the_plain_form_writes_and_saves_and_a_lost_session_keeps_what_was_sent() {
        String ui = language(true);
        BrowserContext context = context(
                ui, new Browser.NewContextOptions().setViewportSize(390, 844).setJavaScriptEnabled(false));
        Page page = signIn(open(context), "reporter@example.org", ui);
        page.navigate(origin() + "/admin/articles/new?language=en");
        assertThat(page.isVisible("textarea#body")).as("the plain text box").isTrue();
        page.fill("#headline", "Written without a script");
        page.fill("#body", "First paragraph.\n\nSecond **paragraph**.");
        page.selectOption("#section", "world");
        page.click("button[data-save]");
        page.waitForURL("**/admin/articles/*?notice=saved");
        long id = idOf(page);
        assertThat(article(id).bodyHtml()).contains("<p>Second <strong>paragraph</strong>.</p>");
        assertThat(page.textContent("[role=status].notice")).isEqualTo(msg(ui, "newsroom.editor.saved"));

        // The session ends while the reporter writes; Save asks to sign in again, then sends it again.
        expectedStatuses.add("401");
        site.wiring().accounts().sessions().endAll(reporter.id());
        page.fill("#body", "First paragraph.\n\nSecond **paragraph**.\n\nWritten after the session ended.");
        page.click("button[data-save]");
        page.waitForSelector("#password");
        assertThat(page.textContent("[role=alert]")).isEqualTo(msg(ui, "newsroom.sign_in.session_ended"));
        page.fill("#email", "reporter@example.org");
        page.fill("#password", PASSWORD);
        page.click("form[action='/admin/login'] button[type=submit]");
        page.waitForSelector("textarea#resend-text");
        assertThat(page.inputValue("#resend-text")).endsWith("Written after the session ended.");
        assertThat(article(id).body()).doesNotContain("after the session ended");
        page.click("form[action='/admin/articles/" + id + "'] button[type=submit]");
        page.waitForURL("**/admin/articles/" + id + "?notice=saved");
        assertThat(article(id).bodyHtml()).contains("<p>Written after the session ended.</p>");
        assertThat(page.inputValue("#headline")).isEqualTo("Written without a script");
    }

    @Test
    void offline_and_a_server_restart_keep_every_word_on_the_device_until_the_server_has_it() {
        String ui = language(true);
        BrowserContext context = context(ui, new Browser.NewContextOptions().setViewportSize(1440, 1000));
        Page page = signIn(open(context), "reporter@example.org", ui);
        page.navigate(origin() + "/admin/articles/new?language=en");
        page.fill("#headline", "Written on a bad line");
        page.waitForURL(ARTICLE);
        long id = idOf(page);
        waitSaved(page);

        context.setOffline(true);
        typeInBody(page, "Typed while offline.");
        page.waitForSelector("[data-save-status][data-state=offline]");
        assertThat(page.textContent("[data-save-status]")).isEqualTo(msg(ui, "editor.status.offline"));
        context.setOffline(false);
        waitSaved(page);
        assertThat(article(id).body()).contains("Typed while offline.");

        // The server stops; the writer goes on, then closes the page. Nothing reached the server.
        site.close();
        typeInBody(page, " Typed while the server was down.");
        page.waitForSelector("[data-save-status][data-state=offline]");
        page.close();
        site = site.restartOnSamePort();
        assertThat(article(id).body()).doesNotContain("server was down");

        // Back at the article: the copy kept on this device returns and is saved.
        Page again = open(context);
        again.navigate(origin() + "/admin/articles/" + id);
        again.waitForSelector("[data-pending-change] .notice");
        // The closed page could not say it left (the server was down): this tab takes the article over.
        again.waitForSelector("[data-take-over]");
        again.click("[data-take-over]");
        waitSaved(again);
        assertThat(article(id).body()).contains("Typed while offline. Typed while the server was down.");
    }

    @Test
    void two_people_and_two_tabs_on_one_article_take_over_and_choose_between_both_versions() {
        String ui = language(false);
        // Two people: the second sees who is editing since when, and takes over.
        Page edna = signedIn("editor@example.org", ui);
        edna.clock().install();
        edna.navigate(origin() + "/admin/articles/new?language=en");
        edna.fill("#headline", "Two people, one article");
        edna.waitForURL(ARTICLE);
        long id = idOf(edna);
        typeInBody(edna, "Intro.");
        edna.keyboard().press("Enter");
        edna.keyboard().type("Herders move north.");
        waitSaved(edna);

        Page dahir = signedIn("desk@example.org", ui);
        dahir.navigate(origin() + "/admin/articles/" + id);
        dahir.waitForSelector("[data-presence]:not([hidden])");
        assertThat(dahir.textContent("[data-presence] p"))
                .startsWith(msg(ui, "editor.presence.editing", "name", "Edna Editor", "time", "13:00"));
        assertThat(dahir.evaluate("document.querySelector('.editor-main').inert"))
                .isEqualTo(true);
        dahir.click("[data-take-over]");
        dahir.waitForSelector(
                "[data-presence][hidden]", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
        edna.clock().runFor(16_000);
        edna.waitForSelector("[data-presence]:not([hidden])");
        assertThat(edna.textContent("[data-presence] p"))
                .startsWith(msg(ui, "editor.presence.taken", "name", "Dahir Desk", "time", "13:00"));

        // Two tabs of one person: the second is told it is them, in another tab; after taking over
        // with an older revision, its save meets the first tab's and both versions are offered.
        Page tabB = edna.context().newPage();
        tabB.onPageError(problems::add);
        tabB.navigate(origin() + "/admin/articles/" + id);
        dahir.close();
        edna.click("[data-take-over]");
        edna.waitForSelector(
                "[data-presence][hidden]", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
        typeInBody(edna, " With their camels.");
        waitSaved(edna);
        tabB.clock().runFor(16_000);
        tabB.waitForSelector("[data-presence]:not([hidden])");
        expect(
                tabB,
                "[data-presence] p",
                msg(ui, "editor.presence.you_elsewhere", "time", "13:00") + " " + msg(ui, "editor.presence.take_over"));
        assertThat(tabB.textContent("[data-presence] p"))
                .startsWith(msg(ui, "editor.presence.you_elsewhere", "time", "13:00"));
        tabB.click("[data-take-over]");
        tabB.waitForSelector(
                "[data-presence][hidden]", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
        expectedStatuses.add("409");
        typeInBody(tabB, " To the wells of Adado.");
        tabB.waitForSelector("dialog.conflict-dialog");
        assertThat(tabB.textContent("dialog.conflict-dialog > p"))
                .isEqualTo(msg(ui, "editor.conflict.intro", "name", msg(ui, "editor.presence.you"), "time", "13:00"));
        assertThat(tabB.innerHTML("dialog .conflict-row.changed .diff-words"))
                .isEqualTo("Herders move north. <del>With their camels</del><ins>To the wells of Adado</ins>.");
        tabB.check("dialog .conflict-row.changed input[value=both]");
        tabB.click("dialog button[value=apply]");
        waitSaved(tabB);
        assertThat(article(id).body())
                .isEqualTo(
                        "<p>Intro.</p><p>Herders move north. With their camels.</p><p>Herders move north. To the wells of Adado.</p>");
    }

    @Test
    void
            the_preview_beside_the_text_says_draft_switches_to_phone_width_and_the_address_and_search_fields_show_the_result() {
        String ui = language(true);
        Page page = signedIn("editor@example.org", ui);
        page.navigate(origin() + "/admin/articles/new?language=ar");
        page.fill("#headline", "جفاف في جلمدغ");
        page.waitForURL(ARTICLE);
        typeInBody(page, "جفّت الآبار في المنطقة.");
        waitSaved(page);
        assertThat(page.getAttribute(".ProseMirror", "dir")).isEqualTo("rtl");
        assertThat(page.getAttribute(".ProseMirror", "lang")).isEqualTo("ar");

        BoundingBox text = page.locator(".editor-main").boundingBox();
        BoundingBox preview = page.locator(".editor-preview").boundingBox();
        assertThat(preview.x).as("the preview is beside the text").isGreaterThan(text.x + text.width - 1);
        Frame frame = page.frame("preview");
        frame.waitForSelector(".preview-mark");
        assertThat(frame.textContent(".preview-mark")).isEqualTo(msg(ui, "newsroom.preview.draft"));
        assertThat(frame.getAttribute("html", "dir")).isEqualTo("rtl");
        page.click("button.preview-width");
        assertThat(page.locator(".preview-frame").boundingBox().width).isEqualTo(390);

        page.click("summary:has-text('" + msg(ui, "editor.section.address") + "')");
        assertThat(page.textContent("[data-full-url]")).endsWith("/ar/2026/11/جفاف-في-جلمدغ");
        page.fill("#slug", "jafaf-jalmudug");
        expect(page, "[data-full-url]", origin().replace("127.0.0.1", "localhost") + "/ar/2026/11/jafaf-jalmudug");

        page.click("summary:has-text('" + msg(ui, "editor.section.search") + "')");
        page.fill("#seo_title", "جفاف في جلمدغ: الآبار تجف والرعاة يرحلون شمالًا بحثًا عن الماء والمرعى");
        String seoTitle = "جفاف في جلمدغ: الآبار تجف والرعاة يرحلون شمالًا بحثًا عن الماء والمرعى";
        expect(
                page,
                "#seo-title-count .count",
                msg(ui, "editor.seo.too_long", "count", seoTitle.codePointCount(0, seoTitle.length()), "max", 60));
        expect(page, "[data-card-description]", "جفّت الآبار في المنطقة.");
        assertThat(page.textContent("[data-sr-title]")).startsWith("جفاف في جلمدغ");
    }

    @Test
    void a_somali_translator_writes_beside_the_english_source_block_by_block_and_carries_changes_over() {
        String ui = language(false);
        StaffClient desk = StaffClient.signIn(site, "editor@example.org", PASSWORD);
        long mediaId = upload(desk, "A dry well");
        Map<String, String> source = new HashMap<>(Map.of(
                "language", "en",
                "headline", "Wells run dry across Galmudug",
                "standfirst", "Herders move north.",
                "body_format", "html",
                "body",
                        "<p>Water points have dried up.</p><p>Herders move north.</p>" + "<figure><img src=\"/media/"
                                + mediaId
                                + "-640.png\" alt=\"A dry well\"><figcaption>A well near Dhusamareb <small>Warsoor</small></figcaption></figure>",
                "featured_image", String.valueOf(mediaId),
                "featured_alt", "A dry well"));
        var created = desk.post("/admin/articles", source);
        long sourceId = Long.parseLong(
                created.headers().firstValue("Location").orElseThrow().replaceAll("^/admin/articles/(\\d+).*$", "$1"));
        desk.post("/admin/articles/" + sourceId + "/workflow", Map.of("step", "publish"));

        long somali = startTranslation(desk, sourceId);
        Page page = signedIn("translator@example.org", ui);
        page.navigate(origin() + "/admin/articles/" + somali);
        page.waitForSelector(".segment");
        assertThat(page.locator(".segment").count()).isEqualTo(3);
        assertThat(page.textContent(".segment[data-row='0'] .segment-source")).contains("Water points have dried up.");
        assertThat(page.inputValue("#headline")).isEmpty();

        page.fill("#headline", "Ceelasha Galmudug way engegeen");
        page.click(".segment[data-row='0'] .segment-target p");
        page.keyboard().type("Meelaha biyaha way engegeen.");
        // Enter keeps the paragraph beside its source: a line break, not a new paragraph.
        page.keyboard().press("Enter");
        page.keyboard().type("Gobolka oo dhan.");
        page.click(".segment[data-row='1'] .segment-target p");
        page.keyboard().type("Xoolo-dhaqatadu waxay u guurayaan waqooyi.");
        assertThat(page.locator(".segment").count()).isEqualTo(3);
        assertThat(page.getAttribute(".segment[data-row='2'] input[id$=-alt]", "placeholder"))
                .isEqualTo("A dry well");
        page.fill(".segment[data-row='2'] input[id$=-alt]", "Ceel engegay");
        page.fill(".segment[data-row='2'] input[id$=-caption]", "Ceel u dhow Dhuusamarreeb");
        page.fill("#featured_alt", "Ceel engegay");
        waitSaved(page);
        Article translated = article(somali);
        assertThat(translated.slug()).isEqualTo("ceelasha-galmudug-way-engegeen");
        assertThat(translated.body())
                .isEqualTo(
                        "<p>Meelaha biyaha way engegeen.<br>Gobolka oo dhan.</p><p>Xoolo-dhaqatadu waxay u guurayaan waqooyi.</p>"
                                + "<figure><img src=\"/media/" + mediaId
                                + "-640.png\" alt=\"Ceel engegay\"><figcaption>Ceel u dhow Dhuusamarreeb <small>Warsoor</small></figcaption></figure>");
        assertThat(site.wiring()
                        .media()
                        .service()
                        .find(mediaId)
                        .orElseThrow()
                        .texts()
                        .get("so")
                        .alt())
                .isEqualTo("Ceel engegay");

        // The source changes one word; the translator sees it word by word and carries it over.
        Map<String, String> edit = new HashMap<>(source);
        edit.put("body", source.get("body").replace("Herders move north.</p>", "Herders move south.</p>"));
        edit.put("revision", String.valueOf(article(sourceId).revision()));
        desk.post("/admin/articles/" + sourceId, edit);
        assertThat(site.wiring().translations().progress().isOutdated(somali)).isTrue();
        page.reload();
        page.waitForSelector(".segment-source.is-changed");
        assertThat(page.innerHTML(".segment[data-row='1'] .diff-words"))
                .isEqualTo("Herders move <del>north</del><ins>south</ins>.");
        page.click(".segment[data-row='1'] .segment-target p");
        page.keyboard().press("End");
        page.keyboard().press("Shift+Home");
        page.keyboard().type("Xoolo-dhaqatadu waxay u guurayaan koonfur.");
        page.check(".segment[data-row='1'] .segment-source input[type=checkbox]");
        waitSaved(page);
        assertThat(site.wiring().translations().progress().isOutdated(somali)).isFalse();
        assertThat(article(somali).body()).contains("koonfur");
    }

    long upload(StaffClient who, String alt) {
        var uploaded =
                who.postFile("/admin/media", Map.of("alt_en", alt), "well.png", "image/png", TestFiles.png(1200, 800));
        assertThat(uploaded.statusCode()).isEqualTo(303);
        return Long.parseLong(
                uploaded.headers().firstValue("Location").orElseThrow().replaceAll("\\D+", ""));
    }

    long startTranslation(StaffClient who, long sourceId) {
        var started = who.post("/admin/articles/" + sourceId + "/translations", Map.of("language", "so"));
        assertThat(started.statusCode()).isEqualTo(303);
        return Long.parseLong(
                started.headers().firstValue("Location").orElseThrow().replaceAll("\\D+", ""));
    }

    @Test
    void a_reporter_files_from_a_390_pixel_phone_on_a_slow_network_with_a_photo_from_the_camera() {
        String ui = language(true);
        BrowserContext context = context(
                ui,
                new Browser.NewContextOptions()
                        .setViewportSize(390, 844)
                        .setDeviceScaleFactor(3)
                        .setIsMobile(true)
                        .setHasTouch(true));
        Page page = open(context);
        CDPSession cdp = context.newCDPSession(page);
        JsonObject slow = new JsonObject();
        slow.addProperty("offline", false);
        slow.addProperty("latency", 300);
        slow.addProperty("downloadThroughput", 750 * 1024 / 8);
        slow.addProperty("uploadThroughput", 1024 * 1024 / 8);
        cdp.send("Network.enable");
        cdp.send("Network.emulateNetworkConditions", slow);
        signIn(page, "reporter@example.org", ui);
        page.navigate(origin() + "/admin/articles/new?language=so");
        assertThat(page.locator(".layout-bar").boundingBox().height)
                .as("the newsroom's bar leaves the phone's screen to the writing")
                .isLessThan(844 * 0.12);
        page.fill("#headline", "Roobab ayaa ka da'ay Baydhabo");
        page.waitForURL(ARTICLE);
        long id = idOf(page);
        page.tap(".ProseMirror");
        page.keyboard().type("Beeralayda ayaa soo dhaweeyay roobka.");
        page.setInputFiles(
                "[data-featured-section] input[capture=environment]",
                new FilePayload("camera.jpg", "image/jpeg", TestFiles.photo(3000, 2000)));
        page.waitForSelector(
                "[data-featured] img.featured-thumb", new Page.WaitForSelectorOptions().setTimeout(30_000));
        page.fill("#featured_alt", "Beeraley roobka ku faraxsan");
        waitSaved(page);
        page.click("button[data-step=submit]");
        page.waitForSelector("[data-status=in_review]", new Page.WaitForSelectorOptions().setTimeout(30_000));
        Article filed = article(id);
        assertThat(filed.status()).isEqualTo(ArticleStatus.IN_REVIEW);
        var image = site.wiring().media().service().featured(id).orElseThrow();
        assertThat(image.width()).as("made smaller on the phone before sending").isLessThanOrEqualTo(2560);
        assertThat(image.texts().get("so").alt()).isEqualTo("Beeraley roobka ku faraxsan");
    }

    @Test
    void an_article_is_written_with_the_keyboard_alone() {
        String ui = language(false);
        Page page = signedIn("editor@example.org", ui);
        page.navigate(origin() + "/admin/articles/new?language=en");
        page.focus("#headline");
        page.keyboard().type("Written without a mouse");
        page.keyboard().press("Enter"); // on to the standfirst
        page.keyboard().type("Every step by keyboard.");
        page.keyboard().press("Tab"); // the toolbar: one stop
        assertThat(page.evaluate("document.activeElement.closest('[role=toolbar]') !== null"))
                .isEqualTo(true);
        page.keyboard().press("Tab"); // the text
        assertThat(page.evaluate("document.activeElement.classList.contains('ProseMirror')"))
                .isEqualTo(true);
        page.keyboard().type("Plain words and ");
        page.keyboard().press("Control+i");
        page.keyboard().type("italic ones");
        page.keyboard().press("Control+i");
        page.keyboard().type(".");
        // Alt+F10 reaches the toolbar; arrows move along it; Enter uses a button; Escape comes back.
        page.keyboard().press("Alt+F10");
        for (int i = 0; i < 12 && !"pullquote".equals(page.evaluate("document.activeElement.dataset.command")); i++) {
            page.keyboard()
                    .press(
                            page.evaluate("getComputedStyle(document.activeElement).direction")
                                            .equals("rtl")
                                    ? "ArrowLeft"
                                    : "ArrowRight");
        }
        page.keyboard().press("Enter");
        page.keyboard().press("Escape");
        waitSaved(page);
        long id = idOf(page);
        assertThat(article(id).bodyHtml())
                .isEqualTo("<blockquote class=\"shareable\"><p>Plain words and <em>italic ones</em>.</p></blockquote>");
        // Tab leaves the text (nothing traps it) and reaches the tags picker, which works by keys.
        page.focus("#tags");
        page.keyboard().type("Iran");
        page.waitForSelector("#tags[aria-expanded=true]");
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Enter");
        waitSaved(page);
        assertThat(site.wiring().articles().service().details(article(id)).tags())
                .extracting(t -> t.key())
                .containsExactly("iran");
    }
}
