package org.wargeys.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wargeys.article.Slug;
import org.wargeys.testsupport.Chromium;

/**
 * The accessibility judge: axe-core (Deque's engine, through its Playwright integration) in Chromium
 * on every page type, public and newsroom, in English, Somali and Arabic, with axe's default rules
 * (WCAG 2.0 to 2.2 A and AA, and its best practices, landmark-unique among them): zero violations.
 *
 * <p>The page types are {@link HtmlValidityIT}'s, so a page type added there for the HTML checker is
 * judged here too: its public pages in their own language, plus the main reader pages in each language
 * below; its newsroom pages in each of the three languages (the newsroom follows Accept-Language).
 * Pages are read at 390 px wide, a cheap phone's screen, on the {@link EveryPageType} site, and none may
 * be wider than that.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserIT {

    static final List<String> LANGUAGES = List.of("en", "so", "ar");

    EveryPageType pages;
    Chromium chromium;
    /** One tab a language for readers and one for staff, reused page after page. */
    final Map<String, Page> readers = new HashMap<>();

    final Map<String, Page> staff = new HashMap<>();

    @BeforeAll
    void start() throws Exception {
        chromium = Chromium.launch();
        pages = EveryPageType.shared();
        for (String language : LANGUAGES) {
            readers.put(language, context(language).newPage());
            BrowserContext signedIn = context(language);
            signedIn.addCookies(List.of(new Cookie(StaffGateCookie.NAME, pages.admin.sessionCookie())
                    .setDomain("127.0.0.1")
                    .setPath("/admin")));
            staff.put(language, signedIn.newPage());
        }
    }

    @AfterAll
    void stop() {
        readers.values().forEach(p -> p.context().close());
        staff.values().forEach(p -> p.context().close());
        if (chromium != null) chromium.close();
    }

    private BrowserContext context(String language) {
        return chromium.browser()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setViewportSize(390, 844)
                        .setLocale(language)
                        .setExtraHTTPHeaders(Map.of("Accept-Language", language)));
    }

    /** The main reader pages in each language, beside HtmlValidityIT's list. */
    static Stream<Arguments> readerPagesInEachLanguage() {
        String arabicWorld = "/ar/section/" + Slug.of("العالم", 8);
        return Stream.of(
                        Arguments.of("home page", Map.of("en", "/en/", "so", "/so/", "ar", "/ar/")),
                        Arguments.of(
                                "article",
                                Map.of(
                                        "en",
                                        HtmlValidityIT.EN,
                                        "so",
                                        HtmlValidityIT.SO,
                                        "ar",
                                        "/ar/2026/11/iran-tatawaad")),
                        Arguments.of(
                                "section archive",
                                Map.of("en", "/en/section/world", "so", "/so/section/adduunka", "ar", arabicWorld)),
                        Arguments.of(
                                "tag archive",
                                Map.of(
                                        "en",
                                        "/en/tag/iran",
                                        "so",
                                        "/so/tag/iiraan",
                                        "ar",
                                        "/ar/tag/" + Slug.of("إيران", 8))),
                        Arguments.of(
                                "author archive",
                                Map.of(
                                        "en",
                                        "/en/author/warsoor-staff",
                                        "so",
                                        "/so/author/tifaftirka-warsoor",
                                        "ar",
                                        "/ar/author/" + Slug.of("فريق Warsoor", 8))),
                        Arguments.of(
                                "month archive",
                                Map.of(
                                        "en",
                                        "/en/archive/2020/12",
                                        "so",
                                        "/so/archive/2020/12",
                                        "ar",
                                        "/ar/archive/2026/11")),
                        Arguments.of(
                                "search with results",
                                Map.of(
                                        "en",
                                        "/en/search?q=Iran",
                                        "so",
                                        "/so/search?q=Iran",
                                        "ar",
                                        "/ar/search?q=إيران")),
                        Arguments.of(
                                "search, the empty form",
                                Map.of("en", "/en/search", "so", "/so/search", "ar", "/ar/search")),
                        Arguments.of(
                                "not found", Map.of("en", "/en/missing", "so", "/so/missing", "ar", "/ar/missing")))
                .flatMap(type -> {
                    @SuppressWarnings("unchecked")
                    Map<String, String> paths = (Map<String, String>) type.get()[1];
                    return LANGUAGES.stream().map(l -> Arguments.of(type.get()[0] + " (" + l + ")", l, paths.get(l)));
                });
    }

    /** HtmlValidityIT's public pages, each in its own language (those not in the list above). */
    static Stream<Arguments> htmlCheckerPublicPages() {
        var judged = readerPagesInEachLanguage().map(a -> a.get()[2]).toList();
        return HtmlValidityIT.publicPages()
                .filter(a -> !judged.contains(a.get()[1]))
                .map(a -> {
                    String path = (String) a.get()[1];
                    String language =
                            path.length() > 3 && LANGUAGES.contains(path.substring(1, 3)) ? path.substring(1, 3) : "en";
                    return Arguments.of(a.get()[0], language, path);
                });
    }

    /** HtmlValidityIT's newsroom pages, each in the three languages. */
    static Stream<Arguments> newsroomPages() {
        return HtmlValidityIT.newsroomPages()
                .flatMap(a -> LANGUAGES.stream().map(l -> Arguments.of(a.get()[0] + " (" + l + ")", l, a.get()[1])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readerPagesInEachLanguage")
    void a_reader_page_in_each_language_has_no_accessibility_violation(String name, String language, String path) {
        assertNoViolations(name, readers.get(language), path);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("htmlCheckerPublicPages")
    void every_public_page_type_has_no_accessibility_violation(String name, String language, String path) {
        assertNoViolations(name, readers.get(language), path);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("newsroomPages")
    void every_newsroom_page_type_has_no_accessibility_violation(String name, String language, String path) {
        assertNoViolations(name, staff.get(language), path);
    }

    @Test
    void the_sign_in_page_has_no_accessibility_violation_in_any_language() {
        for (String language : LANGUAGES)
            assertNoViolations("sign-in (" + language + ")", readers.get(language), "/admin/login");
    }

    @Test
    void the_judge_finds_violations_on_a_broken_page() {
        Page page = readers.get("en");
        page.navigate(pages.site.baseUrl() + "/en/");
        page.evaluate("document.querySelector('.site-search label').remove();"
                + "document.querySelector('.site-search').removeAttribute('aria-label');"
                + "document.documentElement.removeAttribute('lang')");
        List<String> ids =
                axe(page).analyze().getViolations().stream().map(Rule::getId).toList();
        assertThat(ids).contains("html-has-lang", "label");
    }

    private void assertNoViolations(String name, Page page, String path) {
        Response response = page.navigate(pages.site.baseUrl() + pages.resolve(path));
        assertThat(response).as(name).isNotNull();
        assertThat(page.locator("html").getAttribute("lang")).as(name).isNotBlank();
        // A page wider than the phone scrolls sideways under the thumb; wide tables scroll in a region.
        assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue())
                .as(name + " (" + path + ") fits a 390-px phone")
                .isLessThanOrEqualTo(390);

        AxeResults results = axe(page).analyze();
        assertThat(results.getViolations())
                .as(name + " (" + path + "): " + describe(results.getViolations()))
                .isEmpty();
    }

    /**
     * axe with its default rules, asked for violations only: the passes of a page are hundreds of nodes
     * that would be serialized and read back for nothing (nodes of the other result types are still
     * counted, not listed).
     */
    private static AxeBuilder axe(Page page) {
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        return new AxeBuilder(page).options(options);
    }

    private static String describe(List<Rule> violations) {
        return violations.stream()
                .map(v -> v.getId() + " [" + v.getImpact() + "] " + v.getHelp() + ": "
                        + v.getNodes().stream()
                                .map(n -> n.getTarget() + " " + n.getHtml())
                                .limit(3)
                                .collect(Collectors.joining("; ")))
                .collect(Collectors.joining("\n"));
    }

    /** The newsroom's session cookie, as the sign-in form sets it. */
    private static final class StaffGateCookie {
        static final String NAME = "wargeys_session";
    }
}
