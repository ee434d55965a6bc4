package org.wargeys.pages;

import io.javalin.http.Context;
import java.util.Map;
import org.wargeys.article.ArticleArchive;
import org.wargeys.platform.Language;
import org.wargeys.platform.Site;
import org.wargeys.search.ArticleIndexer;
import org.wargeys.search.SearchIndex;
import org.wargeys.search.SearchQuery;
import org.wargeys.search.SearchResults;
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
        SearchResults results = form.q().isBlank()
                ? SearchResults.none(PAGE_SIZE)
                : index.search(new SearchQuery(
                        language.code(),
                        form.q(),
                        form.section(),
                        form.fromInstant(zone),
                        form.untilInstant(zone),
                        form.page(),
                        PAGE_SIZE));
        String summary = null;
        if (!form.q().isBlank()) {
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
                .withoutSiteSearch();
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
        ctx.header("Cache-Control", "no-cache");
        ctx.header("X-Robots-Tag", "noindex");
        ctx.contentType(PageRenderer.HTML).result(renderer.render("pages/search.jte", page));
    }

    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value;
    }
}
