package org.wargeys.pages;

import gg.jte.Content;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleArchive;
import org.wargeys.article.ArticlePaths;
import org.wargeys.article.ArticleService;
import org.wargeys.article.Section;
import org.wargeys.platform.Language;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.Site;
import org.wargeys.web.BadRequestException;
import org.wargeys.web.CacheablePage;
import org.wargeys.web.LayoutFactory;
import org.wargeys.web.Messages;
import org.wargeys.web.PageRenderer;

/**
 * Archive pages: a section, tag or author's articles and the articles of a year or month, newest
 * first, {@link #PAGE_SIZE} a page ({@code ?page=N}), with hreflang alternates to the same archive in
 * the languages it exists in. Unknown archives and pages past the end are 404s in the URL's language.
 */
public final class ArchivePages {

    static final int PAGE_SIZE = 20;
    static final int MAX_PAGE = 10_000;

    private final Site site;
    private final ArticleService articles;
    private final ArticleArchive archive;
    private final ArticlePaths paths;
    private final LayoutFactory layouts;
    private final PageRenderer renderer;

    ArchivePages(
            Site site,
            ArticleService articles,
            ArticleArchive archive,
            ArticlePaths paths,
            LayoutFactory layouts,
            PageRenderer renderer) {
        this.site = site;
        this.articles = articles;
        this.archive = archive;
        this.paths = paths;
        this.layouts = layouts;
        this.renderer = renderer;
    }

    public void section(Context ctx) {
        Language language = language(ctx);
        var section = archive.section(language.code(), ctx.pathParam("slug"))
                .orElseThrow(() -> new NotFoundException("No section"));
        Messages msg = layouts.messages(language.code());
        int page = page(ctx);
        render(
                ctx,
                language,
                page,
                archive.inSection(section.id(), language.code(), PAGE_SIZE, offset(page)),
                msg.format("archive.section_title", Map.of("section", section.name())),
                msg.format("archive.section_description", Map.of("section", section.name(), "site", site.name())),
                versions(
                        archive.sectionSlugs(section.id()),
                        ArchivePaths::section,
                        language,
                        ArchivePaths.section(language.code(), section.slug()),
                        l -> archive.inSection(section.id(), l, 1, 0).total() > 0),
                FeedLinks.section(
                        language.code(),
                        section.slug(),
                        msg.format("feed.section_title", Map.of("site", site.name(), "section", section.name())),
                        msg),
                PageKeys.section(section.id()));
    }

    public void tag(Context ctx) {
        Language language = language(ctx);
        var tag =
                archive.tag(language.code(), ctx.pathParam("slug")).orElseThrow(() -> new NotFoundException("No tag"));
        Messages msg = layouts.messages(language.code());
        int page = page(ctx);
        render(
                ctx,
                language,
                page,
                archive.tagged(tag.id(), language.code(), PAGE_SIZE, offset(page)),
                msg.format("archive.tag_title", Map.of("tag", tag.name())),
                msg.format("archive.tag_description", Map.of("tag", tag.name(), "site", site.name())),
                versions(
                        archive.tagSlugs(tag.id()),
                        ArchivePaths::tag,
                        language,
                        ArchivePaths.tag(language.code(), tag.slug()),
                        l -> archive.tagged(tag.id(), l, 1, 0).total() > 0),
                FeedLinks.tag(
                        language.code(),
                        tag.slug(),
                        msg.format("feed.tag_title", Map.of("site", site.name(), "tag", tag.name())),
                        msg),
                PageKeys.tag(tag.id()));
    }

    public void author(Context ctx) {
        Language language = language(ctx);
        var author = archive.author(language.code(), ctx.pathParam("slug"))
                .orElseThrow(() -> new NotFoundException("No author"));
        Messages msg = layouts.messages(language.code());
        int page = page(ctx);
        render(
                ctx,
                language,
                page,
                archive.byAuthor(author.id(), language.code(), PAGE_SIZE, offset(page)),
                msg.format("archive.author_title", Map.of("author", author.name())),
                msg.format("archive.author_description", Map.of("author", author.name(), "site", site.name())),
                versions(
                        archive.authorSlugs(author.id()),
                        ArchivePaths::author,
                        language,
                        ArchivePaths.author(language.code(), author.slug()),
                        l -> archive.byAuthor(author.id(), l, 1, 0).total() > 0),
                null,
                PageKeys.author(author.id()));
    }

    public void year(Context ctx) {
        Language language = language(ctx);
        int year = number(ctx.pathParam("year"), "\\d{4}");
        ZoneId zone = site.timezone();
        var from = YearMonth.of(year, 1).atDay(1).atStartOfDay(zone).toInstant();
        var until = YearMonth.of(year + 1, 1).atDay(1).atStartOfDay(zone).toInstant();
        Messages msg = layouts.messages(language.code());
        int page = page(ctx);
        String period = Integer.toString(year);
        render(
                ctx,
                language,
                page,
                archive.publishedBetween(from, until, language.code(), PAGE_SIZE, offset(page)),
                msg.format("archive.year_title", Map.of("year", period)),
                msg.format("archive.date_description", Map.of("site", site.name(), "period", period)),
                dateVersions(language, l -> ArchivePaths.year(l, year), from, until),
                null,
                PageKeys.latest(language.code()));
    }

    public void month(Context ctx) {
        Language language = language(ctx);
        int year = number(ctx.pathParam("year"), "\\d{4}");
        int monthNumber = number(ctx.pathParam("month"), "\\d{2}");
        if (monthNumber < 1 || monthNumber > 12) throw new NotFoundException("No month " + monthNumber);
        YearMonth month = YearMonth.of(year, monthNumber);
        ZoneId zone = site.timezone();
        var from = month.atDay(1).atStartOfDay(zone).toInstant();
        var until = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Messages msg = layouts.messages(language.code());
        int page = page(ctx);
        String period = msg.monthAndYear(month);
        var found = archive.publishedBetween(from, until, language.code(), PAGE_SIZE, offset(page));
        // A month with nothing in it is no page: a calendar of empty months is an endless crawl.
        if (found.total() == 0) throw new NotFoundException("Nothing published in " + month);
        render(
                ctx,
                language,
                page,
                found,
                msg.format("archive.month_title", Map.of("month", period)),
                msg.format("archive.date_description", Map.of("site", site.name(), "period", period)),
                dateVersions(language, l -> ArchivePaths.month(l, month), from, until),
                null,
                PageKeys.latest(language.code()));
    }

    /** @param listKey the surrogate key whose purge must drop this list (its section, tag, author or language) */
    private void render(
            Context ctx,
            Language language,
            int page,
            ArticleArchive.Page<Article> found,
            String heading,
            String description,
            Map<String, String> versions,
            Content head,
            String listKey) {
        int pages = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page > pages) throw new NotFoundException("No page " + page);
        Messages msg = layouts.messages(language.code());
        String path = versions.get(language.code());
        String canonical = page == 1 ? path : path + "?page=" + page;
        var layout = layouts.page(
                language, heading + " – " + site.name(), description, canonical, page == 1 ? versions : Map.of(), head);
        // An empty listing ("nothing here in this language yet") is not for search engines.
        if (found.total() == 0) layout = layout.notIndexed();
        // One query for the sections of the whole page, not one per teaser.
        Map<Long, Section> sections = articles.sections(found.items(), language.code());
        List<Teaser> teasers = found.items().stream()
                .map(a -> teaser(a, sections.get(a.id()), msg))
                .toList();
        java.util.Set<String> keys = new java.util.HashSet<>();
        keys.add(listKey);
        found.items().forEach(a -> keys.add(PageKeys.article(a.id())));
        sections.values().forEach(s -> keys.add(PageKeys.name("section", s.id())));
        CacheablePage.html(
                ctx,
                renderer.render(
                        "pages/archive.jte",
                        new ArchivePage(
                                layout,
                                heading,
                                teasers,
                                pages > 1 ? msg.format("archive.page", Map.of("page", page, "pages", pages)) : null,
                                page > 1 ? (page == 2 ? path : path + "?page=" + (page - 1)) : null,
                                page < pages ? path + "?page=" + (page + 1) : null)),
                keys);
    }

    // The archive in each site language it has a name in and lists something in (hreflang never points
    // at an empty page); the current one always.
    private Map<String, String> versions(
            Map<String, String> slugs,
            java.util.function.BiFunction<String, String, String> path,
            Language current,
            String currentPath,
            java.util.function.Predicate<String> lists) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (Language l : site.languages()) {
            if (l.code().equals(current.code())) versions.put(l.code(), currentPath);
            else if (slugs.containsKey(l.code()) && lists.test(l.code()))
                versions.put(l.code(), path.apply(l.code(), slugs.get(l.code())));
        }
        return versions;
    }

    // A date archive exists in another language when that language published something in the period;
    // the current one always (its canonical address).
    private Map<String, String> dateVersions(
            Language current, Function<String, String> path, java.time.Instant from, java.time.Instant until) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (Language l : site.languages()) {
            if (l.code().equals(current.code())
                    || archive.publishedBetween(from, until, l.code(), 1, 0).total() > 0)
                versions.put(l.code(), path.apply(l.code()));
        }
        return versions;
    }

    private Teaser teaser(Article article, Section section, Messages msg) {
        return new Teaser(
                article.headline(),
                paths.path(article),
                Summaries.of(article),
                article.publishedAt(),
                msg.date(article.publishedAt()),
                section == null ? null : section.name());
    }

    private Language language(Context ctx) {
        return site.languageOrNotFound(ctx.pathParam("lang"));
    }

    private static int number(String text, String pattern) {
        if (!text.matches(pattern)) throw new NotFoundException("Not a date archive: " + text);
        return Integer.parseInt(text);
    }

    private static int page(Context ctx) {
        String text = ctx.queryParam("page");
        if (text == null || text.isEmpty()) return 1;
        if (!text.matches("\\d{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX_PAGE) {
            throw new BadRequestException("error.request.page_number", java.util.Map.of("max", MAX_PAGE));
        }
        return Integer.parseInt(text);
    }

    private static int offset(int page) {
        return (page - 1) * PAGE_SIZE;
    }
}
