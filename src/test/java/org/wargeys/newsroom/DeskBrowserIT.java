package org.wargeys.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.wargeys.article.ArticleDraft;
import org.wargeys.article.WorkflowStep;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.Axe;
import org.wargeys.testsupport.Chromium;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/**
 * The desk in Debian's Chromium, on each database, in English and in Somali: each role's dashboard
 * (on a 390 px phone: nothing wider than the screen), the article list's bulk actions, review of a
 * change to a live article (restored by its author, approved by an editor), and the dead
 * ends (not allowed, not found, a stale tab, an ended session), each page checked by axe-core (on SQLite:
 * the markup does not depend on the database).
 * Skipped (with a message) when Chromium is missing outside CI.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeskBrowserIT {

    static final String PASSWORD = "correct horse battery";
    static final List<String> LANGUAGES = List.of("en", "so");

    @Parameter
    DatabaseKind database;

    TestSite site;
    Chromium chromium;
    User ada;
    User edna;
    User asha;
    User tariq;
    String origin;

    @BeforeParameterizedClassInvocation
    void start() {
        chromium = Chromium.launch();
        site = TestSite.start(database);
        origin = "http://127.0.0.1:" + site.port();
        var accounts = site.wiring().accounts().accounts();
        ada = accounts.create("ada@example.org", "Ada", Role.ADMINISTRATOR, Set.of(), PASSWORD, Actor.TERMINAL);
        edna = accounts.create("edna@example.org", "Edna", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
        asha = accounts.create("asha@example.org", "Asha", Role.AUTHOR, Set.of(), PASSWORD, Actor.TERMINAL);
        tariq = accounts.create("tariq@example.org", "Tariq", Role.TRANSLATOR, Set.of("so"), PASSWORD, Actor.TERMINAL);
        // What a morning's desk holds: a story in review, one returned, one scheduled, one assigned,
        // a correction, a note for the translator.
        var workflow = site.wiring().articles().workflow();
        Article inReview = draft("Wells run dry in Galmudug", asha);
        workflow.take(inReview.id(), WorkflowStep.SUBMIT, null, actor(asha));
        Article returned = draft("Teachers strike in Hargeisa", asha);
        workflow.take(returned.id(), WorkflowStep.SUBMIT, null, actor(asha));
        workflow.take(returned.id(), WorkflowStep.RETURN_TO_DRAFT, null, actor(edna));
        Article scheduled = draft("Budget vote tomorrow", edna);
        workflow.take(scheduled.id(), WorkflowStep.SCHEDULE, TestSite.NOW.plusSeconds(26 * 3600), actor(edna));
        Article live = draft("Port reopens after the storm", edna);
        workflow.take(live.id(), WorkflowStep.PUBLISH, null, actor(edna));
        site.wiring().articles().corrections().add(live.id(), "An earlier version misspelt Berbera.", actor(edna));
        site.wiring()
                .desk()
                .assignments()
                .assign(List.of(live.id()), "so", tariq.id(), TestSite.NOW.plusSeconds(8 * 3600), actor(edna));
        site.wiring().desk().notes().add(live.id(), "@tariq the correction needs carrying over.", actor(edna));
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (chromium != null) chromium.close();
        if (site != null) site.deleteData();
    }

    private static Actor actor(User user) {
        return new Actor(user.id(), user.email(), "127.0.0.1");
    }

    private Article draft(String headline, User by) {
        return site.wiring()
                .articles()
                .service()
                .createDraft(
                        new ArticleDraft(
                                "en",
                                null,
                                headline,
                                null,
                                "A standfirst.",
                                null,
                                "Body.",
                                "world",
                                List.of(),
                                List.of("newsroom")),
                        actor(by));
    }

    /** A browser of a staff member in one language, as wide as a phone or as a desk's screen. */
    private BrowserContext context(String language, boolean phone) {
        return chromium.browser()
                .newContext(new Browser.NewContextOptions()
                        .setLocale(language)
                        .setExtraHTTPHeaders(Map.of("Accept-Language", language))
                        .setViewportSize(phone ? 390 : 1280, phone ? 844 : 900)
                        // axe is a script the newsroom's CSP (rightly) refuses; the check needs it in the page.
                        .setBypassCSP(true));
    }

    private Page signIn(BrowserContext context, User user, String path) {
        Page page = context.newPage();
        page.navigate(origin + path);
        assertThat(page.url()).contains("/admin/login");
        page.fill("#email", user.email());
        page.fill("#password", PASSWORD);
        page.click("form[action='/admin/login'] button[type=submit]");
        page.waitForURL(u -> !u.contains("/admin/login"));
        return page;
    }

    private void accessibleAndNarrow(Page page, boolean phone) {
        // The pages' markup does not depend on the database: axe-core runs once, on SQLite.
        if (database == DatabaseKind.SQLITE) {
            assertThat(Axe.violations(page)).as("axe-core on " + page.url()).isEmpty();
        }
        if (phone) {
            Object wide = page.evaluate("document.documentElement.scrollWidth");
            assertThat(((Number) wide).intValue())
                    .as("nothing wider than the phone on " + page.url())
                    .isLessThanOrEqualTo(390);
        }
    }

    @Test
    void each_role_finds_what_it_has_to_do_today_on_its_desk_on_a_phone_and_at_a_desk() {
        Map<User, List<String>> sections = Map.of(
                ada, List.of("#review", "#scheduled", "#published", "#corrections", "#assignments"),
                edna, List.of("#review", "#scheduled .week .day.today", "#published", "#corrections", "#assignments"),
                asha, List.of("#returned li", "#drafts", "#assigned"),
                tariq, List.of("#translate-so", "#assigned li"));
        for (String language : LANGUAGES) {
            for (var entry : sections.entrySet()) {
                boolean phone = entry.getKey() != ada;
                try (BrowserContext context = context(language, phone)) {
                    Page page = signIn(context, entry.getKey(), "/admin");
                    assertThat(page.url()).endsWith("/admin");
                    assertThat(page.getAttribute("html", "lang")).isEqualTo(language);
                    for (String selector : entry.getValue()) {
                        assertThat(page.locator(selector).count())
                                .as(entry.getKey().displayName() + " in " + language + ": " + selector)
                                .isPositive();
                    }
                    boolean editor = entry.getKey() == ada || entry.getKey() == edna;
                    assertThat(page.locator("#review").count()).isEqualTo(editor ? 1 : 0);
                    assertThat(page.locator("nav.layout-nav a[href='/admin/users']")
                                    .count())
                            .as("the menu offers only what the role may do")
                            .isEqualTo(entry.getKey() == ada ? 1 : 0);
                    accessibleAndNarrow(page, phone);

                    // Everything on the desk links to the article: follow the first one.
                    String first = page.locator(".desk-list li a").first().getAttribute("href");
                    page.locator(".desk-list li a").first().click();
                    page.waitForURL(origin + first);

                    page.navigate(origin + "/admin/notifications");
                    accessibleAndNarrow(page, phone);
                    page.navigate(origin + "/admin/articles");
                    assertThat(page.locator("tr[data-article]").count()).isPositive();
                    accessibleAndNarrow(page, phone);
                }
            }
        }
        try (BrowserContext context = context("so", true)) {
            Page page = signIn(context, tariq, "/admin");
            assertThat(page.textContent("#assigned")).contains("turjumaadda Soomaali");
            page.click("#assigned li a");
            page.waitForURL("**/desk");
            assertThat(page.locator(".notes mark.mention").textContent()).isEqualTo("@tariq");
            accessibleAndNarrow(page, true);
        }
    }

    @Test
    void an_editor_ticks_articles_on_a_phone_publishes_them_and_is_told_what_happened() {
        for (String language : LANGUAGES) {
            Article one = draft("Bulk story one " + language, edna);
            Article two = draft("Bulk story two " + language, edna);
            try (BrowserContext context = context(language, true)) {
                Page page = signIn(context, edna, "/admin/articles?q=bulk+story+" + language);
                assertThat(page.locator("tr[data-article]").count()).isEqualTo(2);
                accessibleAndNarrow(page, true);
                page.check("#pick-" + one.id());
                page.check("#pick-" + two.id());
                page.selectOption("#bulk-action", "publish");
                page.click("#bulk button[type=submit]");
                page.waitForSelector(".flash");
                assertThat(page.url()).contains("q=bulk+story+" + language);
                assertThat(page.textContent(".flash"))
                        .isEqualTo(
                                language.equals("en")
                                        ? "Published: 2. Left as they were: 0."
                                        : "La daabacay: 2. Sidoodii lagu daayay: 0.");
                assertThat(page.getAttribute("tr[data-article='" + one.id() + "']", "data-status"))
                        .isEqualTo("published");
                accessibleAndNarrow(page, true);
            }
            assertThat(site.wiring().articles().service().find(two.id()).isPublished())
                    .isTrue();
        }
    }

    @Test
    void every_dead_end_is_a_newsroom_page_in_the_staff_members_language_with_a_way_on() {
        for (String language : LANGUAGES) {
            try (BrowserContext context = context(language, true)) {
                // Not allowed: the page says so in the author's language and leads back to the desk.
                Page page = signIn(context, asha, "/admin");
                page.navigate(origin + "/admin/users");
                assertThat(page.textContent("h1"))
                        .isEqualTo(language.equals("en") ? "Your role does not allow this" : "Doorkaagu ma oggola tan");
                accessibleAndNarrow(page, true);
                page.click(".error-page .way-on");
                page.waitForURL(origin + "/admin");

                // Not found: a way to the list.
                page.navigate(origin + "/admin/articles/99999999");
                assertThat(page.textContent("h1"))
                        .isEqualTo(language.equals("en") ? "Not in the newsroom" : "Kuma jiro qolka wararka");
                accessibleAndNarrow(page, true);
                page.click(".error-page .way-on");
                page.waitForURL(origin + "/admin/articles");

                // The session ended (here: the server forgot it): the next page asks to sign in again and comes back.
                context.clearCookies();
                context.addCookies(List.of(new Cookie("wargeys_session", "ended")
                        .setDomain("127.0.0.1")
                        .setPath("/admin")));
                page.navigate(origin + "/admin/articles?q=port");
                assertThat(page.url()).contains("reason=expired");
                assertThat(page.textContent("[role=alert]"))
                        .startsWith(language.equals("en") ? "Your session ended." : "Fadhigaagii wuu dhammaaday.");
                accessibleAndNarrow(page, true);
                page.fill("#email", asha.email());
                page.fill("#password", PASSWORD);
                page.click("form[action='/admin/login'] button[type=submit]");
                page.waitForURL(origin + "/admin/articles?q=port");
            }
            try (BrowserContext context = context(language, false)) {
                // A stale tab: the desk's assign form is open while the story is published elsewhere;
                // a step from the stale editor page says what changed and offers to reload.
                Article story = draft("Stale tab story " + language, edna);
                Page page = signIn(context, edna, "/admin/articles/" + story.id());
                site.wiring().articles().workflow().take(story.id(), WorkflowStep.PUBLISH, null, actor(ada));
                page.click("button[data-step=submit]");
                page.waitForSelector(".error-page[data-status='409']");
                assertThat(page.textContent("[role=alert]"))
                        .contains(
                                language.equals("en")
                                        ? "Ada published Stale tab story"
                                        : "Ada wuxuu daabacay Stale tab story");
                accessibleAndNarrow(page, false);
                page.click(".error-page .way-on");
                page.waitForURL(origin + "/admin/articles/" + story.id());
            }
        }
    }

    @Test
    void an_author_restores_a_live_revision_on_a_phone_and_an_editor_reviews_the_words_and_approves_it() {
        for (String language : LANGUAGES) {
            var articles = site.wiring().articles().service();
            Article first = draft("Wells story " + language, asha);
            ArticleDraft fixed = new ArticleDraft(
                    "en",
                    first.slug(),
                    first.headline(),
                    null,
                    "A standfirst.",
                    null,
                    "Herders near Dhusamareb say the wells ran dry.",
                    "world",
                    List.of(),
                    List.of("newsroom"));
            Article second = articles.update(first.id(), first.revision(), fixed, actor(asha));
            site.wiring().articles().workflow().take(second.id(), WorkflowStep.PUBLISH, null, actor(edna));
            site.wiring().articles().corrections().add(second.id(), "The town was misnamed.", actor(edna));
            String path = site.wiring().articles().paths().path(articles.find(second.id()));

            try (BrowserContext context = context(language, true)) {
                Page page = signIn(context, asha, "/admin/articles/" + second.id() + "/revisions");
                page.click("a.restore[href$='/revisions/1/restore']");
                page.waitForSelector("#restore-pending");
                assertThat(page.textContent("#corrections-since")).contains("The town was misnamed.");
                assertThat(page.locator(".word-diff del").first().textContent()).contains("Dhusamareb");
                accessibleAndNarrow(page, true);
                page.click("form[action$='/revisions/1/restore'] button[type=submit]");
                page.waitForURL(origin + "/admin/articles/" + second.id() + "/pending");
                assertThat(page.textContent(".flash"))
                        .startsWith(language.equals("en") ? "Revision 1 waits" : "Nooca 1 wuxuu sugayaa");
                assertThat(page.locator("#approve").count())
                        .as("an author may not approve")
                        .isZero();
                accessibleAndNarrow(page, true);
            }
            assertThat(site.get(path).body()).as("readers keep the live text").contains("Dhusamareb");

            try (BrowserContext context = context(language, true)) {
                Page page = signIn(context, edna, "/admin");
                page.click("#pending li[data-article='" + second.id() + "'] a");
                page.waitForURL(origin + "/admin/articles/" + second.id() + "/pending");
                assertThat(page.textContent("#diff-body del")).contains("Dhusamareb");
                accessibleAndNarrow(page, true);
                page.click("#approve");
                page.waitForSelector(".flash");
                assertThat(page.url()).isEqualTo(origin + "/admin/articles/" + second.id());
                assertThat(page.textContent(".flash"))
                        .isEqualTo(
                                language.equals("en")
                                        ? "Approved: readers see revision 3 now."
                                        : "Waa la ansixiyay: akhristayaashu hadda waxay arkaan nooca 3.");
            }
            assertThat(articles.find(second.id()).body()).isEqualTo("Body.");
            assertThat(site.get(path).body()).doesNotContain("Dhusamareb");
        }
    }
}
