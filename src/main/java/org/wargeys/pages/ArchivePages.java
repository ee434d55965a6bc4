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
import org.wargeys.article.Cursor;
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
 * first, {@link #PAGE_SIZE} a page, each page after the first named by a cursor ({@code ?before=} the
 * last article of the newer page, {@code ?after=} the first of the older one: as fast on page 5,000 as
 * on page 1, ADR 0012), with hreflang alternates to the same archive in the languages it exists in.
 * Unknown archives and cursors past the end are 404s in the URL's language; a malformed cursor a 400.
 */
public final class ArchivePages {

    static final int PAGE_SIZE = 20;
    static final int MAX_PAGE = 10_000;
    /** Old {@code ?page=N} addresses up to this are redirected to the same articles (an OFFSET read of at most 10,000 rows). */
    static final int OLD_PAGES_FOLLOWED = 500;

    private final Site site;
    private final ArticleService articles;
    private final ArticleArchive archive;
    private final ArticlePaths paths;
    private final LayoutFactory layouts;
    private final PageRenderer renderer;
    private final org.wargeys.live.LiveReads live;

    ArchivePages(
            Site site,
            ArticleService articles,
            ArticleArchive archive,
            ArticlePaths paths,
            LayoutFactory layouts,
            PageRenderer renderer,
            org.wargeys.live.LiveReads live) {
        this.site = site;
        this.articles = articles;
        this.archive = archive;
        this.paths = paths;
        this.layouts = layouts;
        this.renderer = renderer;
        this.live = live;
    }

    public void section(Context ctx) {
        Language language = language(ctx);
        var section = archive.section(language.code(), ctx.pathParam("slug"))
                .orElseThrow(() -> new NotFoundException("No section"));
        Messages msg = layouts.messages(language.code());
        render(
                ctx,
                language,
                archive.inSection(section.id(), language.code()),
                msg.format("archive.section_title", Map.of("section", section.name())),
                msg.format("archive.section_description", Map.of("section", section.name(), "site", site.name())),
                versions(
                        archive.sectionSlugs(section.id()),
                        ArchivePaths::section,
                        language,
                        ArchivePaths.section(language.code(), section.slug()),
                        l -> archive.lists(archive.inSection(section.id(), l))),
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
        render(
                ctx,
                language,
                archive.tagged(tag.id(), language.code()),
                msg.format("archive.tag_title", Map.of("tag", tag.name())),
                msg.format("archive.tag_description", Map.of("tag", tag.name(), "site", site.name())),
                versions(
                        archive.tagSlugs(tag.id()),
                        ArchivePaths::tag,
                        language,
                        ArchivePaths.tag(language.code(), tag.slug()),
                        l -> archive.lists(archive.tagged(tag.id(), l))),
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
        render(
                ctx,
                language,
                archive.byAuthor(author.id(), language.code()),
                msg.format("archive.author_title", Map.of("author", author.name())),
                msg.format("archive.author_description", Map.of("author", author.name(), "site", site.name())),
                versions(
                        archive.authorSlugs(author.id()),
                        ArchivePaths::author,
                        language,
                        ArchivePaths.author(language.code(), author.slug()),
                        l -> archive.lists(archive.byAuthor(author.id(), l))),
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
        String period = Integer.toString(year);
        render(
                ctx,
                language,
                archive.publishedBetween(from, until, language.code()),
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
        String period = msg.monthAndYear(month);
        var found = archive.publishedBetween(from, until, language.code());
        // A month with nothing in it is no page: a calendar of empty months is an endless crawl.
        if (!archive.lists(found)) throw new NotFoundException("Nothing published in " + month);
        render(
                ctx,
                language,
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
            ArticleArchive.Listing list,
            String heading,
            String description,
            Map<String, String> versions,
            Content head,
            String listKey) {
        String path = versions.get(language.code());
        ArticleArchive.Position at = position(ctx, list, path);
        if (at == null) return; // redirected
        var found = archive.page(list, at, PAGE_SIZE);
        if (found.items().isEmpty() && !at.isFirst()) throw new NotFoundException("Nothing beyond " + at.cursor());
        // Newer than a cursor, with nothing newer beyond: that is the first page (and says so).
        if (!at.isFirst() && !at.older() && !found.newer()) {
            at = ArticleArchive.Position.FIRST;
            found = archive.page(list, at, PAGE_SIZE);
        }
        Messages msg = layouts.messages(language.code());
        String canonical = at.isFirst() ? path : path + (at.older() ? "?before=" : "?after=") + at.cursor();
        var layout = layouts.page(
                language,
                heading + " – " + site.name(),
                description,
                canonical,
                at.isFirst() ? versions : Map.of(),
                head);
        // An empty listing ("nothing here in this language yet") is not for search engines.
        if (found.items().isEmpty()) layout = layout.notIndexed();
        // One query for the sections of the whole page, not one per teaser.
        Map<Long, Section> sections = articles.sections(found.items(), language.code());
        java.util.Set<Long> running = live.running(
                found.items().stream().map(Article::translationGroupId).toList());
        List<Teaser> teasers = found.items().stream()
                .map(a -> teaser(a, sections.get(a.id()), running.contains(a.translationGroupId()), msg))
                .toList();
        java.util.Set<String> keys = new java.util.HashSet<>();
        keys.add(listKey);
        found.items().forEach(a -> keys.add(PageKeys.article(a.id())));
        sections.values().forEach(s -> keys.add(PageKeys.name("section", s.id())));
        var items = found.items();
        CacheablePage.html(
                ctx,
                renderer.render(
                        "pages/archive.jte",
                        new ArchivePage(
                                layout,
                                heading,
                                teasers,
                                null,
                                found.newer() ? path + "?after=" + Cursor.of(items.get(0)) : null,
                                found.older() ? path + "?before=" + Cursor.of(items.get(items.size() - 1)) : null)),
                keys);
    }

    /**
     * Where the page starts: {@code ?before=CURSOR} (older), {@code ?after=CURSOR} (newer) or the top.
     * An old {@code ?page=N} is answered with a permanent redirect (ADR 0012): to the top for N = 1 or
     * beyond {@link #OLD_PAGES_FOLLOWED}, else to the cursor page showing the same articles; null then.
     */
    private ArticleArchive.Position position(Context ctx, ArticleArchive.Listing list, String path) {
        String before = ctx.queryParam("before");
        String after = ctx.queryParam("after");
        String page = ctx.queryParam("page");
        if (page != null && before == null && after == null) {
            int number = page(page);
            String target = path;
            if (number > 1 && number <= OLD_PAGES_FOLLOWED) {
                int offset = (number - 1) * PAGE_SIZE;
                if (archive.cursorAt(list, offset).isEmpty()) throw new NotFoundException("No page " + number);
                var cursor = archive.cursorAt(list, offset - 1).orElseThrow();
                target = path + "?before=" + cursor;
            }
            ctx.redirect(target, io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
            return null;
        }
        if (before == null && after == null && page == null) return ArticleArchive.Position.FIRST;
        if ((before == null) == (after == null) || page != null) throw new BadRequestException("archive.error.cursor");
        var cursor = Cursor.parse(before != null ? before : after)
                .orElseThrow(() -> new BadRequestException("archive.error.cursor"));
        return before != null ? ArticleArchive.Position.before(cursor) : ArticleArchive.Position.after(cursor);
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
            if (l.code().equals(current.code()) || archive.lists(archive.publishedBetween(from, until, l.code())))
                versions.put(l.code(), path.apply(l.code()));
        }
        return versions;
    }

    private Teaser teaser(Article article, Section section, boolean live, Messages msg) {
        return Teaser.of(article, paths.path(article), section, live, msg);
    }

    private Language language(Context ctx) {
        return site.languageOrNotFound(ctx.pathParam("lang"));
    }

    private static int number(String text, String pattern) {
        if (!text.matches(pattern)) throw new NotFoundException("Not a date archive: " + text);
        return Integer.parseInt(text);
    }

    private static int page(String text) {
        if (!text.matches("\\d{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX_PAGE) {
            throw new BadRequestException("error.request.page_number", java.util.Map.of("max", MAX_PAGE));
        }
        return Integer.parseInt(text);
    }
}
