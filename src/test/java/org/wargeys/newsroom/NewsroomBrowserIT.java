package org.wargeys.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
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
 * An editor's day in Debian's Chromium: sign in, write and preview an article, publish it, translate
 * it into Somali, publish that, read both on the public site with the translation notice, then edit
 * the source and find the translation flagged outdated with the source's changes. Skipped (with a
 * message) when Chromium is missing outside CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsroomBrowserIT {

    private static final String PASSWORD = "correct horse battery";

    private TestSite site;
    private Chromium chromium;
    private Browser browser;

    @BeforeAll
    void start() {
        chromium = Chromium.launch();
        browser = chromium.browser();
        site = TestSite.start(DatabaseKind.SQLITE);
        site.wiring()
                .accounts()
                .accounts()
                .create("editor@example.org", "Edna", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
    }

    @AfterAll
    void stop() {
        if (chromium != null) chromium.close();
        if (site != null) {
            site.deleteData();
        }
    }

    @Test
    void write_publish_translate_into_somali_publish_read_both_and_see_the_translation_flagged_outdated() {
        String origin = "http://127.0.0.1:" + site.port();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"))) {
            Page page = context.newPage();

            page.navigate(origin + "/admin/articles/new");
            assertThat(page.url()).contains("/admin/login");
            page.fill("#email", "editor@example.org");
            page.fill("#password", PASSWORD);
            page.click("form[action='/admin/login'] button[type=submit]");
            page.waitForURL("**/admin/articles/new");

            // The rich editor (issue 13): the draft exists from the first keystroke.
            page.fill("#headline", "Wells run dry in Galmudug");
            page.waitForURL(EditorBrowserIT.ARTICLE);
            String sourceEditor = page.url();
            page.click("summary:has-text('Dateline')");
            page.fill("#dateline_place", "DHUSAMAREB");
            page.fill("#standfirst", "Herders move north as the rains fail.");
            page.click(".ProseMirror");
            page.keyboard().type("Water points across the region have dried up.");
            page.keyboard().press("Enter");
            page.keyboard().type("Herders are moving north.");
            page.click("summary:has-text('Address')");
            page.fill("#slug", "wells-run-dry-galmudug");
            page.selectOption("#section", "world");
            // The preview beside the text follows the typing.
            Frame preview = page.frame("preview");
            preview.waitForSelector("article.article h1:text-is('Wells run dry in Galmudug')");
            page.fill("#headline", "Wells run dry across Galmudug");
            // (Selectors, not page JavaScript: the site's CSP forbids eval, as it should.)
            page.frame("preview").waitForSelector("article.article h1:text-is('Wells run dry across Galmudug')");
            page.fill("#headline", "Wells run dry in Galmudug");
            EditorBrowserIT.waitSaved(page);
            long sourceId = EditorBrowserIT.idOf(page);
            assertThat(site.wiring().articles().service().find(sourceId).body())
                    .isEqualTo("<p>Water points across the region have dried up.</p><p>Herders are moving north.</p>");

            // The script warns before leaving with changes not saved yet.
            page.fill("#standfirst", "Herders move north as the rains fail again.");
            AtomicReference<String> dialog = new AtomicReference<>();
            page.onDialog(d -> {
                dialog.set(d.type());
                d.accept();
            });
            page.navigate(origin + "/admin/articles");
            assertThat(dialog.get()).isEqualTo("beforeunload");

            // Back at the article, the change kept on this device comes back and is saved.
            page.navigate(sourceEditor);
            EditorBrowserIT.waitSaved(page);
            assertThat(site.wiring().articles().service().find(sourceId).standfirst())
                    .isEqualTo("Herders move north as the rains fail again.");
            page.click("button[data-step=publish]");
            page.waitForSelector("[data-status=published]");

            // The Somali translation: empty, beside the English source block by block.
            page.click("li[data-language=so] button");
            page.waitForSelector(".segment");
            assertThat(page.textContent(".segment[data-row='0'] .segment-source"))
                    .contains("Water points across the region");
            page.fill("#headline", "Ceelasha Galmudug way engegeen");
            page.fill("#standfirst", "Xoolo-dhaqatadu waxay u guurayaan waqooyi.");
            page.click(".segment[data-row='0'] .segment-target p");
            page.keyboard().type("Meelaha biyaha ee gobolka way engegeen.");
            page.click(".segment[data-row='1'] .segment-target p");
            page.keyboard().type("Xoolo-dhaqatadu waxay u guurayaan waqooyi.");
            EditorBrowserIT.waitSaved(page);
            String translationEditor = page.url();
            assertThat(site.wiring()
                            .articles()
                            .service()
                            .find(EditorBrowserIT.idOf(page))
                            .slug())
                    .isEqualTo("ceelasha-galmudug-way-engegeen");
            page.click("button[data-step=publish]");
            page.waitForSelector("[data-status=published]");

            String english = site.wiring()
                    .articles()
                    .service()
                    .findPublished("en", "wells-run-dry-galmudug")
                    .map(a -> new org.wargeys.article.ArticlePaths(
                                    site.wiring().platform().site().timezone())
                            .path(a))
                    .orElseThrow();
            page.navigate(origin + english);
            assertThat(page.textContent("h1")).isEqualTo("Wells run dry in Galmudug");
            page.click(".translation-notice a[hreflang=so]");
            page.waitForURL("**/so/**");
            assertThat(page.textContent("h1")).isEqualTo("Ceelasha Galmudug way engegeen");
            assertThat(page.isVisible(".translation-notice a[hreflang=en]")).isTrue();
            assertThat(context.cookies(origin + "/so/")).isEmpty();

            // The source gains a paragraph; the live article changes when the editor presses Update.
            page.navigate(sourceEditor);
            page.waitForSelector(".ProseMirror");
            page.click(".ProseMirror");
            page.keyboard().press("Control+End");
            page.keyboard().press("Enter");
            page.keyboard().type("Aid agencies warn of famine.");
            page.click("button[data-save]");
            EditorBrowserIT.waitSaved(page);
            assertThat(site.wiring().articles().service().find(sourceId).body())
                    .contains("Aid agencies warn of famine.");

            page.navigate(origin + "/admin/articles?q=galmudug");
            assertThat(page.getAttribute("tr[data-language=so]", "data-translation"))
                    .isEqualTo("outdated");
            page.click("tr[data-language=so] td.headline a[lang=so]");
            page.waitForURL(translationEditor);
            page.waitForSelector(".segment-source.is-added");
            assertThat(page.textContent(".segment-source.is-added")).contains("Aid agencies warn of famine.");
        }
    }
}
