package org.wargeys.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleCorrections;
import org.wargeys.article.ArticlePaths;
import org.wargeys.article.ArticleService;
import org.wargeys.media.Image;
import org.wargeys.media.MediaService;
import org.wargeys.platform.Language;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.Site;
import org.wargeys.search.SearchIndex;
import org.wargeys.sharing.ArticleSharing;
import org.wargeys.sharing.FeaturedImage;
import org.wargeys.translation.TranslationService;
import org.wargeys.web.CacheablePage;
import org.wargeys.web.Html;
import org.wargeys.web.LayoutFactory;
import org.wargeys.web.Messages;
import org.wargeys.web.PageRenderer;

/** The article page: {@code /LANG/YYYY/MM/SLUG}, published articles only. */
public final class ArticlePages {

    static final int RELATED = 4;

    /** The queries of a live article's page that make another page: older entries, an entry's share link. */
    public static final String LIVE_QUERY = "(before|entry)=[1-9][0-9]{0,17}";

    private final Site site;
    private final ArticleService articles;
    private final TranslationService translations;
    private final ArticlePaths paths;
    private final LayoutFactory layouts;
    private final PageRenderer renderer;
    private final ArticleSharing sharing;
    private final ArticleCorrections corrections;
    private final MediaService media;
    private final SearchIndex search;
    private final LivePages live;

    ArticlePages(
            Site site,
            ArticleService articles,
            TranslationService translations,
            ArticlePaths paths,
            LayoutFactory layouts,
            PageRenderer renderer,
            ArticleSharing sharing,
            ArticleCorrections corrections,
            MediaService media,
            SearchIndex search,
            LivePages live) {
        this.live = live;
        this.search = search;
        this.site = site;
        this.articles = articles;
        this.translations = translations;
        this.paths = paths;
        this.layouts = layouts;
        this.renderer = renderer;
        this.sharing = sharing;
        this.corrections = corrections;
        this.media = media;
    }

    public void show(Context ctx) {
        Language language = site.languageOrNotFound(ctx.pathParam("lang"));
        if (!ctx.pathParam("year").matches("\\d{4}") || !ctx.pathParam("month").matches("\\d{2}")) {
            throw new NotFoundException("Not an article address: " + ctx.path());
        }
        Article article = articles.findPublished(language.code(), ctx.pathParam("slug"))
                .orElseThrow(() -> new NotFoundException("No article " + ctx.pathParam("slug")));
        String path = paths.path(article);
        if (!path.equals(decoded(ctx.path()))) {
            // The slug is the key; a wrong year or month is an old or mistyped link, not another page.
            ctx.redirect(ascii(path), HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        // A live blog's pages of older entries (?before=N) and its entries' share links (?entry=N) are
        // kept by the page cache (Routes); on an article that is no live blog they mean nothing and are
        // sent to the article, so they cannot fill the cache. Other queries (tracking parameters) are
        // served the article and never kept, as before.
        Long before = number(ctx.queryParam("before"));
        Long entry = number(ctx.queryParam("entry"));
        boolean liveShaped = ctx.queryString() != null && ctx.queryString().matches(LIVE_QUERY);
        boolean liveQuery = liveShaped && live.blog(article).isPresent();
        if (liveShaped && !liveQuery) {
            ctx.redirect(ascii(path), HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        Rendering rendering = rendering(article, language, liveQuery ? before : null, liveQuery ? entry : null);
        if (entry != null && rendering.page().live() != null && rendering.shared() == null) {
            throw new NotFoundException("No entry " + entry + " in " + language.code());
        }
        CacheablePage.html(ctx, renderer.render("pages/article.jte", rendering.page()), rendering.keys());
    }

    /** An article that may be unsaved, rendered exactly as readers would get it (the newsroom's preview). */
    public String preview(Article article, String draftMark, String markLanguage) {
        Language language = site.language(article.language()).orElse(site.defaultLanguage());
        String html = renderer.render(
                "pages/article.jte", rendering(article, language).page());
        if (draftMark == null) return html;
        // A draft's preview says so on top, and has no publication date to show.
        var doc = org.jsoup.Jsoup.parse(html);
        doc.outputSettings().prettyPrint(false);
        doc.select(".article-header .meta .published").remove();
        var main = doc.selectFirst("main");
        (main == null ? doc.body() : main)
                .prependElement("p")
                .addClass("preview-mark")
                .attr("role", "note")
                .attr("lang", markLanguage)
                .text(draftMark);
        return doc.outerHtml();
    }

    /** The request path with percent escapes decoded (slugs in other scripts arrive encoded). */
    private static String decoded(String rawPath) {
        try {
            return new java.net.URI(rawPath).getPath();
        } catch (java.net.URISyntaxException e) {
            return rawPath;
        }
    }

    /** A Location header is ASCII: slugs in other scripts are percent-encoded. */
    private static String ascii(String path) {
        try {
            return new java.net.URI(null, null, path, null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            return path;
        }
    }

    private static Long number(String value) {
        return value != null && value.matches("[1-9][0-9]{0,17}") ? Long.parseLong(value) : null;
    }

    /** The page model and the surrogate keys of everything it shows (and the entry a share link names). */
    record Rendering(ArticlePage page, Set<String> keys, LiveEntryView shared) {}

    Rendering rendering(Article article, Language language) {
        return rendering(article, language, null, null);
    }

    Rendering rendering(Article article, Language language, Long before, Long sharedEntry) {
        Messages msg = layouts.messages(language.code());
        var blog = live.blog(article);
        LiveSection liveSection =
                blog.map(b -> live.section(b, article, msg, before)).orElse(null);
        LiveEntryView shared = blog.isPresent() && sharedEntry != null
                ? live.shared(blog.get(), article, msg, sharedEntry).orElse(null)
                : null;
        var details = articles.details(article);
        List<Article> versions = translations.publishedGroup(article);
        Map<String, String> versionPaths = new LinkedHashMap<>();
        versions.forEach(v -> versionPaths.put(v.language(), paths.path(v)));
        List<ArticlePage.TranslationLink> links = versions.stream()
                .filter(v -> v.id() != article.id())
                .map(v -> new ArticlePage.TranslationLink(v.language(), msg.languageName(v.language()), paths.path(v)))
                .toList();
        Optional<Image> image = media.featured(article.id());
        Image.Text imageText = image.map(i -> i.text(language.code())).orElse(null);
        String description = article.seoDescription() != null ? article.seoDescription() : Summaries.of(article);
        String title = (article.seoTitle() != null ? article.seoTitle() : article.headline()) + " – " + site.name();
        var layout = layouts.page(
                language,
                title,
                description,
                paths.path(article),
                versionPaths,
                sharing.preview(
                        details,
                        versions,
                        description,
                        image.map(i -> new FeaturedImage(
                                        i.src(),
                                        i.contentType(),
                                        i.widths().get(i.widths().size() - 1),
                                        i.renditionHeight(),
                                        imageText.alt()))
                                .orElse(null),
                        blog.map(b -> live.coverage(b, article, liveSection, shared))
                                .orElse(null)));
        boolean updated = article.wasUpdatedAfterPublishing();
        var related = search.related(article.id(), RELATED).stream()
                .map(h -> new ArticlePage.RelatedLink(h.articleId(), h.headline(), h.path()))
                .toList();
        ArticlePage page = new ArticlePage(
                layout,
                article.headline(),
                article.standfirst(),
                details.section().map(s -> s.name()).orElse(null),
                details.authors().stream().map(a -> a.name()).toList(),
                article.publishedAt(),
                msg.date(article.publishedAt()),
                updated ? article.updatedAt() : null,
                updated ? msg.dateTime(article.updatedAt()) : null,
                withDateline(
                        sharing.withShareableQuotes(article, article.bodyHtml(), msg),
                        article.dateline().printed()),
                details.tags().stream().map(t -> t.name()).toList(),
                links,
                sharing.bar(article, msg),
                corrections.of(article.id()).stream()
                        .map(c -> new ArticlePage.CorrectionNote(
                                c.correctedAt(), msg.dateTime(c.correctedAt()), c.note()))
                        .toList(),
                image.map(i -> new ArticlePage.Figure(
                                i.src(),
                                i.srcset(),
                                i.webpSrcset(),
                                i.widths().get(i.widths().size() - 1),
                                i.renditionHeight(),
                                imageText.alt(),
                                imageText.caption(),
                                i.credit()))
                        .orElse(null),
                new ArticlePage.ArchiveLinks(
                        details.section()
                                .map(s -> ArchivePaths.section(language.code(), s.slug()))
                                .orElse(null),
                        details.authors().stream()
                                .map(a -> ArchivePaths.author(language.code(), a.slug()))
                                .toList(),
                        details.tags().stream()
                                .map(t -> ArchivePaths.tag(language.code(), t.slug()))
                                .toList()),
                related,
                liveSection);
        Set<String> keys = new LinkedHashSet<>();
        keys.add(PageKeys.article(article.id()));
        keys.add(PageKeys.group(article.translationGroupId()));
        // The related block links other articles: their change or removal must drop this page too.
        related.forEach(r -> keys.add(PageKeys.article(r.articleId())));
        // The page prints these names and this image's texts: a rename or a new alt text drops it.
        details.section().ifPresent(s -> keys.add(PageKeys.name("section", s.id())));
        details.tags().forEach(t -> keys.add(PageKeys.name("tag", t.id())));
        details.authors().forEach(a -> keys.add(PageKeys.name("author", a.id())));
        image.ifPresent(i -> keys.add(PageKeys.media(i.id())));
        keys.add(PageKeys.shares(article.id()));
        // Every entry posted, edited or deleted in any language of the group drops the page.
        blog.ifPresent(b -> keys.add(PageKeys.live(b.translationGroupId())));
        return new Rendering(page, keys, shared);
    }

    /** Sets the dateline at the start of the first paragraph, as print does. */
    static String withDateline(String bodyHtml, String dateline) {
        if (dateline.isEmpty()) return bodyHtml;
        String mark = "<span class=\"dateline\">" + Html.escape(dateline) + "</span> ";
        if (bodyHtml.startsWith("<p>")) return "<p>" + mark + bodyHtml.substring(3);
        return "<p>" + mark.strip() + "</p>" + bodyHtml;
    }
}
