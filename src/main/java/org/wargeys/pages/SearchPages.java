package org.wargeys.pages;

import io.javalin.http.Context;
import java.util.Map;
import org.wargeys.article.ArticleArchive;
import org.wargeys.platform.Language;
import org.wargeys.platform.Site;
import org.wargeys.search.ArticleIndexer;
import org.wargeys.search.SearchBusy;
import org.wargeys.search.SearchIndex;
import org.wargeys.search.SearchQuery;
import org.wargeys.search.SearchResults;
import org.wargeys.web.CacheablePage;
import org.wargeys.web.LayoutFactory;
import org.wargeys.web.Messages;
import org.wargeys.web.PageRenderer;

/** The search page: {@code /LANG/search?q=…&section=…&from=…&to=…&page=…}, plain HTML, no script needed. */
public final class SearchPages {

    static final int PAGE_SIZE = 10;

    private final Site site;
    private final SearchIndex index;
    private final ArticleIndexer indexer;
    private final ArticleArchive archive;
    private final LayoutFactory layouts;
    private final PageRenderer renderer;

    SearchPages(
            Site site,
            SearchIndex index,
            ArticleIndexer indexer,
            ArticleArchive archive,
            LayoutFactory layouts,
            PageRenderer renderer) {
        this.site = site;
        this.index = index;
        this.indexer = indexer;
        this.archive = archive;
        this.layouts = layouts;
        this.renderer = renderer;
    }

    public static String path(String language) {
        return "/" + language + "/search";
    }

    public void show(Context ctx) {
        Language language = site.languageOrNotFound(ctx.pathParam("lang"));
        SearchForm.checkUtf8(ctx.queryString());
        SearchForm form = SearchForm.parse(
                ctx.queryString(),
                Map.of(
                        "q",
                        param(ctx, "q"),
                        "section",
                        param(ctx, "section"),
                        "from",
                        param(ctx, "from"),
                        "to",
                        param(ctx, "to"),
                        "page",
                        param(ctx, "page")));
        Messages msg = layouts.messages(language.code());
        var zone = site.timezone();
        SearchResults results = SearchResults.none(PAGE_SIZE);
        boolean busy = false;
        try {
            if (!form.q().isBlank())
                results = index.search(new SearchQuery(
                        language.code(),
                        form.q(),
                        form.section(),
                        form.fromInstant(zone),
                        form.untilInstant(zone),
                        form.page(),
                        PAGE_SIZE));
        } catch (SearchBusy e) {
            busy = true;
        }
        String summary = null;
        if (busy) {
            summary = msg.get("search.busy");
        } else if (!form.q().isBlank()) {
            Map<String, Object> values = Map.of("count", results.total(), "query", form.q());
            summary = results.total() == 0
                    ? msg.format("search.no_results", values)
                    : results.exact()
                            ? msg.format(results.total() == 1 ? "search.one_result" : "search.results", values)
                            : msg.format("search.more_results", values);
        }
        String title = form.q().isBlank()
                ? msg.get("search.title")
                : msg.format("search.title_with_query", Map.of("query", form.q()));
        // A results page is not a page of its own for search engines: no canonical, no alternates.
        var layout = layouts.page(
                        language,
                        title + " – " + site.name(),
                        msg.format("search.description", Map.of("site", site.name())),
                        null,
                        Map.of(),
                        null)
                .withoutSiteSearch()
                .notIndexed();
        String pageText = results.total() > PAGE_SIZE
                ? msg.format("search.page", Map.of("page", results.page(), "pages", results.pages()))
                : null;
        String base = path(language.code());
        var page = new SearchPage(
                layout,
                base,
                form.q(),
                form.section(),
                form.from() == null ? "" : form.from().toString(),
                form.to() == null ? "" : form.to().toString(),
                archive.sections(language.code()),
                summary,
                results.hits().stream()
                        .map(h -> SearchPage.result(h, msg.date(h.publishedAt())))
                        .toList(),
                pageText,
                results.page() > 1 ? base + form.query(results.page() - 1) : null,
                results.hasNext() && results.page() < SearchForm.MAX_PAGE
                        ? base + form.query(results.page() + 1)
                        : null,
                indexer.isRebuilding());
        String html = renderer.render("pages/search.jte", page);
        if (busy) {
            ctx.status(503);
            ctx.header("Retry-After", String.valueOf(SearchBusy.RETRY_AFTER_SECONDS));
            ctx.header("Cache-Control", "no-store");
            ctx.contentType(PageRenderer.HTML).result(html);
        } else if (indexer.isRebuilding()) {
            // Results from a half-built index: served, never kept.
            ctx.header("Cache-Control", "no-cache");
            ctx.contentType(PageRenderer.HTML).result(html);
        } else {
            // Kept by the page cache (a repeated query costs what a cached article does) until an
            // article of the language changes: the index has it by then (SearchModule hears article
            // events before the page cache purges). Browsers and CDNs ask again each time (no-cache).
            CacheablePage.respond(
                    ctx,
                    html.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    PageRenderer.HTML,
                    java.util.Set.of(PageKeys.latest(language.code())),
                    "no-cache",
                    null);
        }
    }

    /**
     * Which search addresses the page cache keeps: the form's own parameters only, each at most once
     * and short; anything else (tracking parameters, junk) is answered but not kept.
     */
    public static boolean keepable(String query) {
        if (query == null) return true;
        if (query.length() > KEEPABLE_LENGTH) return false;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (!FORM_PARAMETERS.contains(name) || !seen.add(name)) return false;
        }
        return true;
    }

    private static final java.util.Set<String> FORM_PARAMETERS = java.util.Set.of("q", "section", "from", "to", "page");
    private static final int KEEPABLE_LENGTH = 300;

    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value;
    }
}
