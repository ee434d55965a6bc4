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

            page.fill("#headline", "Wells run dry in Galmudug");
            page.fill("#dateline_place", "DHUSAMAREB");
            page.fill("#standfirst", "Herders move north as the rains fail.");
            page.fill("#body", "Water points across the region have dried up.\n\nHerders are moving north.");
            page.fill("#slug", "wells-run-dry-galmudug");
            page.selectOption("#section", "world");
            page.click("button[data-preview]");
            Frame preview = page.frame("preview");
            preview.waitForSelector("article.article h1");
            assertThat(preview.textContent("article.article h1")).isEqualTo("Wells run dry in Galmudug");
            // Live preview: typing refreshes the frame on its own after a pause.
            page.fill("#headline", "Wells run dry across Galmudug");
            // (Selectors, not page JavaScript: the site's CSP forbids eval, as it should.)
            page.frame("preview").waitForSelector("article.article h1:text-is('Wells run dry across Galmudug')");
            page.fill("#headline", "Wells run dry in Galmudug");
            page.click("form[data-editor] button[type=submit]:not([data-preview])");
            page.waitForURL("**/admin/articles/*?notice=saved");
            String sourceEditor = page.url().replaceAll("\\?.*$", "");

            // Autosave: the draft is saved in the background (the page's timers fast-forwarded, not waited for).
            page.clock().install();
            page.navigate(sourceEditor);
            page.fill(
                    "#body",
                    "Water points across the region have dried up.\n\nHerders are moving north with their camels.");
            page.clock().runFor(16_000);
            page.waitForSelector("[data-autosave-status]:text-matches('Draft saved automatically')");
            long sourceId =
                    Long.parseLong(sourceEditor.replaceAll("\\D+", " ").trim().replaceAll(".* ", ""));
            assertThat(site.wiring().articles().service().find(sourceId).body()).endsWith("with their camels.");
            assertThat(page.inputValue("input[name=revision]")).isEqualTo("2");

            // The script warns before leaving with unsaved changes.
            page.fill("#standfirst", "Herders move north as the rains fail again.");
            AtomicReference<String> dialog = new AtomicReference<>();
            page.onDialog(d -> {
                dialog.set(d.type());
                d.accept();
            });
            page.navigate(origin + "/admin/articles");
            assertThat(dialog.get()).isEqualTo("beforeunload");

            page.navigate(sourceEditor);
            page.click("button[data-step=publish]");
            page.waitForSelector("[data-status=published]");

            page.click("li[data-language=so] button");
            page.waitForSelector(".source-pane");
            assertThat(page.textContent(".source-pane h3")).isEqualTo("Wells run dry in Galmudug");
            assertThat(page.inputValue("#body")).contains("Water points across the region");
            page.fill("#headline", "Ceelasha Galmudug way engegeen");
            page.fill("#standfirst", "Xoolo-dhaqatadu waxay u guurayaan waqooyi.");
            page.fill("#body", "Meelaha biyaha ee gobolka way engegeen.\n\nXoolo-dhaqatadu waxay u guurayaan waqooyi.");
            page.fill("#slug", "ceelasha-galmudug");
            page.click("form[data-editor] button[type=submit]:not([data-preview])");
            page.waitForURL("**/admin/articles/*?notice=saved");
            String translationEditor = page.url().replaceAll("\\?.*$", "");
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

            page.navigate(sourceEditor);
            page.fill(
                    "#body",
                    "Water points across the region have dried up.\n\nHerders are moving north.\n\nAid agencies warn of famine.");
            page.click("form[data-editor] button[type=submit]:not([data-preview])");
            page.waitForURL("**/admin/articles/*?notice=saved");

            page.navigate(origin + "/admin/articles?q=galmudug");
            assertThat(page.getAttribute("tr[data-language=so]", "data-translation"))
                    .isEqualTo("outdated");
            page.click("tr[data-language=so] td.headline a[lang=so]");
            page.waitForURL(translationEditor);
            assertThat(page.locator(".source-changes ins").allTextContents())
                    .contains("+ Aid agencies warn of famine.");
        }
    }
}
