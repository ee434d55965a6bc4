package org.wargeys.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wargeys.account.Role;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleDraft;
import org.wargeys.article.ArticleEdit;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.Axe;
import org.wargeys.testsupport.Chromium;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestSite;

/**
 * A reader on a phone (390 px, Debian's Chromium) keeps a live article open, in English and in
 * Somali: an entry posted (and, for Somali, translated) meanwhile is offered behind the "new updates"
 * button without a reload, the page does not change under the reader until they press it, then it
 * shows on top and takes the focus. axe-core finds nothing on the page with the button showing. The
 * waits are bounded by Playwright's timeout (the script polls every few seconds); nothing is timed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveBrowserIT {

    static final String PASSWORD = "correct horse battery";
    static final double WAIT_MS = 30_000;

    TestSite site;
    Chromium chromium;
    Browser browser;
    StaffClient editor;

    @BeforeAll
    void start() {
        chromium = Chromium.launch();
        browser = chromium.browser();
        site = TestSite.start(DatabaseKind.SQLITE);
        site.wiring()
                .accounts()
                .accounts()
                .create("editor@example.org", "Edna", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
        editor = StaffClient.signIn(site, "editor@example.org", PASSWORD);
    }

    @AfterAll
    void stop() {
        if (chromium != null) chromium.close();
        if (site != null) site.deleteData();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | Live | New updates: 1. Show them
            so | Toos | Warbixinno cusub: 1. Tus
            """)
    void a_reader_receives_a_new_entry_without_a_reload(String language, String badge, String button) {
        var articles = site.wiring().articles().service();
        Article english = articles.publish(
                articles.createDraft(
                                new ArticleDraft(
                                        "en",
                                        "storm-" + language,
                                        "Storm reaches the coast",
                                        null,
                                        null,
                                        null,
                                        "A cyclone is approaching Puntland.",
                                        "world",
                                        List.of(),
                                        List.of()),
                                Actor.TERMINAL)
                        .id(),
                Actor.TERMINAL);
        Article started = site.wiring().translations().progress().start(english.id(), "so", Actor.TERMINAL);
        Article somali = articles.publish(
                articles.save(
                                started.id(),
                                started.revision(),
                                ArticleEdit.of(new ArticleDraft(
                                        "so",
                                        "duufaan-" + language,
                                        "Duufaanta oo gaartay xeebta",
                                        null,
                                        null,
                                        null,
                                        "Duufaan ayaa u soo dhowaanaysa Puntland.",
                                        "world",
                                        List.of(),
                                        List.of())),
                                Actor.TERMINAL)
                        .id(),
                Actor.TERMINAL);
        Article shown = language.equals("en") ? english : somali;
        editor.post("/admin/articles/" + english.id() + "/live/start", Map.of());
        post(english, somali, language, "Winds of 120 km/h in Eyl.", "Dabaylo 120 km/s ah oo ka dhacay Eyl.");

        try (BrowserContext reader = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = reader.newPage();
            page.navigate(site.baseUrl() + site.wiring().articles().paths().path(shown));
            assertThat(page.textContent(".live-badge").strip()).isEqualTo(badge);
            assertThat(page.locator("#live-entries > article").count()).isEqualTo(1);
            page.evaluate("() => window.scrollTo(0, document.querySelector('#live-entries').offsetTop)");
            // Where the reader sees the entry: the browser may scroll to keep it there (scroll
            // anchoring) when the button appears above it, so window.scrollY is not the measure.
            String onScreen = "() => document.querySelector('#live-entries > article').getBoundingClientRect().top";
            double seenAt = ((Number) page.evaluate(onScreen)).doubleValue();

            post(english, somali, language, "The storm has made landfall.", "Duufaantu waxay gaartay berriga.");

            page.waitForSelector(
                    "button.live-new:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(WAIT_MS));
            assertThat(page.textContent("button.live-new").strip()).isEqualTo(button);
            // Nothing moved under the reader: the entry waits behind the button.
            assertThat(page.locator("#live-entries > article").count()).isEqualTo(1);
            assertThat(((Number) page.evaluate(onScreen)).doubleValue())
                    .as("the entry where the reader saw it (anchoring rounds to under a pixel)")
                    .isCloseTo(seenAt, org.assertj.core.api.Assertions.within(1.0));
            assertThat(Axe.violations(page)).isEmpty();

            page.click("button.live-new");
            assertThat(page.locator("#live-entries > article").count()).isEqualTo(2);
            assertThat(page.textContent("#live-entries > article:first-child"))
                    .contains(language.equals("en") ? "made landfall" : "gaartay berriga");
            assertThat(page.evaluate("() => document.activeElement.matches('#live-entries > article:first-child')"))
                    .isEqualTo(true);
            assertThat(page.isHidden("button.live-new")).isTrue();
            assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue())
                    .as("no sideways scrolling at 390 px")
                    .isLessThanOrEqualTo(390);
            assertThat(Axe.violations(page)).isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void a_reporter_on_a_phone_posts_entries_one_after_another_without_leaving_the_composer() {
        var articles = site.wiring().articles().service();
        Article article = articles.publish(
                articles.createDraft(
                                new ArticleDraft(
                                        "en",
                                        "composer-journey",
                                        "Composer journey",
                                        null,
                                        null,
                                        null,
                                        "Background.",
                                        "world",
                                        List.of(),
                                        List.of()),
                                Actor.TERMINAL)
                        .id(),
                Actor.TERMINAL);
        editor.post("/admin/articles/" + article.id() + "/live/start", Map.of());
        String composer = site.baseUrl() + "/admin/articles/" + article.id() + "/live";
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = phone.newPage();
            page.navigate(composer);
            page.fill("#email", "editor@example.org");
            page.fill("#password", PASSWORD);
            page.click("form[action='/admin/login'] button[type=submit]");
            page.waitForURL(composer);
            for (String text : List.of("First from the scene.", "Second from the scene.")) {
                page.fill("#text", text);
                page.click("form.live-composer button[type=submit]");
                page.waitForSelector(
                        ".live-list > li:first-child:has-text('" + text + "')",
                        new Page.WaitForSelectorOptions().setTimeout(WAIT_MS));
                assertThat(page.url()).isEqualTo(composer);
                assertThat(page.inputValue("#text")).isEmpty();
                assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("text");
                assertThat(page.textContent(".live-composer-status")).isEqualTo("Your update is live.");
            }
            assertThat(page.locator(".live-list > li").count()).isEqualTo(2);
            assertThat(Axe.violations(page)).isEmpty();
        }
        assertThat(site.wiring()
                        .live()
                        .reads()
                        .entries(
                                site.wiring()
                                        .live()
                                        .reads()
                                        .blog(article.translationGroupId())
                                        .orElseThrow(),
                                "en",
                                null,
                                10))
                .extracting(LiveEntry::body)
                .containsExactly("Second from the scene.", "First from the scene.");
    }

    /** Posts an English entry and, for the Somali reader, translates it. */
    private void post(Article english, Article somali, String language, String text, String translated) {
        assertThat(editor.post("/admin/articles/" + english.id() + "/live/entries", Map.of("text", text))
                        .statusCode())
                .isEqualTo(303);
        if (language.equals("so")) {
            var reads = site.wiring().live().reads();
            var blog = reads.blog(english.translationGroupId()).orElseThrow();
            long source = reads.queue(blog, "so").get(0).id();
            assertThat(editor.post(
                                    "/admin/articles/" + somali.id() + "/live/entries",
                                    Map.of("source", String.valueOf(source), "text", translated))
                            .statusCode())
                    .isEqualTo(303);
        }
    }
}
