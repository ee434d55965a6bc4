package org.wargeys.pages;

import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.wargeys.article.Article;
import org.wargeys.article.ArticlePaths;
import org.wargeys.article.ArticleService;
import org.wargeys.article.Section;
import org.wargeys.live.LiveReads;
import org.wargeys.platform.Language;
import org.wargeys.platform.Site;
import org.wargeys.web.CacheablePage;
import org.wargeys.web.LanguageNegotiation;
import org.wargeys.web.LayoutFactory;
import org.wargeys.web.Messages;
import org.wargeys.web.PageRenderer;

/**
 * The front door: {@code /} sends readers to their language, {@code /LANG/} lists the articles an
 * editor pinned to the top, then the latest news.
 */
public final class HomePages {

    static final int LATEST = 20;

    private final Site site;
    private final ArticleService articles;
    private final ArticlePaths paths;
    private final LayoutFactory layouts;
    private final PageRenderer renderer;
    private final LanguageNegotiation negotiation;
    private final LiveReads live;

    HomePages(
            Site site,
            ArticleService articles,
            ArticlePaths paths,
            LayoutFactory layouts,
            PageRenderer renderer,
            LanguageNegotiation negotiation,
            LiveReads live) {
        this.site = site;
        this.articles = articles;
        this.paths = paths;
        this.layouts = layouts;
        this.renderer = renderer;
        this.negotiation = negotiation;
        this.live = live;
    }

    /** {@code GET /}: a temporary redirect, since the target depends on the reader's languages. */
    public void root(Context ctx) {
        Language language = negotiation.preferred(ctx.header("Accept-Language"));
        ctx.header("Vary", "Accept-Language");
        ctx.header("Cache-Control", "no-cache");
        ctx.redirect(LayoutFactory.homePath(language.code()), io.javalin.http.HttpStatus.FOUND);
    }

    /** {@code GET /LANG} without the slash: one stable address per page. */
    public void addSlash(Context ctx) {
        language(ctx.pathParam("lang"));
        ctx.redirect(LayoutFactory.homePath(ctx.pathParam("lang")), io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
    }

    public void show(Context ctx) {
        Language language = language(ctx.pathParam("lang"));
        Messages msg = layouts.messages(language.code());
        List<Article> listed = articles.homePage(language.code(), LATEST);
        Map<Long, Section> sections = articles.sections(listed, language.code());
        // One query for the page's live marks; starting or ending coverage purges the home pages.
        Set<Long> running =
                live.running(listed.stream().map(Article::translationGroupId).toList());
        var teasers = listed.stream()
                .map(a -> teaser(a, sections.get(a.id()), running.contains(a.translationGroupId()), msg))
                .toList();
        Set<String> keys = new LinkedHashSet<>();
        // Pinning or unpinning a live article announces it, which purges this key.
        keys.add(PageKeys.latest(language.code()));
        listed.forEach(a -> keys.add(PageKeys.article(a.id())));
        // hreflang never points at an empty home page ("no articles here yet"), which is not indexed.
        Map<String, String> versions = site.languages().stream()
                .filter(l -> l.code().equals(language.code())
                        || !articles.latestPublished(l.code(), 1, 0).isEmpty())
                .collect(Collectors.toMap(
                        Language::code,
                        l -> LayoutFactory.homePath(l.code()),
                        (a, b) -> a,
                        java.util.LinkedHashMap::new));
        var layout = layouts.page(
                language,
                msg.format("home.title", Map.of("site", site.name())),
                msg.format("home.description", Map.of("site", site.name())),
                LayoutFactory.homePath(language.code()),
                versions,
                null);
        if (listed.isEmpty()) layout = layout.notIndexed();
        CacheablePage.html(ctx, renderer.render("pages/home.jte", new HomePage(layout, teasers)), keys);
    }

    private Teaser teaser(Article article, Section section, boolean live, Messages msg) {
        return Teaser.of(article, paths.path(article), section, live, msg);
    }

    private Language language(String code) {
        return site.languageOrNotFound(code);
    }
}
