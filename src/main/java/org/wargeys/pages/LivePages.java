package org.wargeys.pages;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wargeys.article.Article;
import org.wargeys.article.ArticlePaths;
import org.wargeys.article.ArticleService;
import org.wargeys.feed.Feed;
import org.wargeys.feed.FeedXml;
import org.wargeys.live.LiveBlog;
import org.wargeys.live.LiveEntry;
import org.wargeys.live.LiveReads;
import org.wargeys.media.MediaService;
import org.wargeys.platform.Language;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.Site;
import org.wargeys.sharing.LiveCoverage;
import org.wargeys.web.CacheablePage;
import org.wargeys.web.LayoutFactory;
import org.wargeys.web.Messages;
import org.wargeys.web.PageRenderer;

/**
 * The readers' side of live blogs: the live section of an article page, the poll answer
 * ({@code /LANG/live/ID}, JSON kept by the page cache and purged with every entry), and the Atom feed
 * of a live article ({@code /LANG/live/ID/atom.xml}). Thread-safe.
 */
public final class LivePages {

    /** Entries per page, and in a poll answer. */
    static final int PAGE = 20;

    static final int KEY_EVENTS = 8;

    /** Browsers revalidate every poll (a 304 costs nothing); a CDN keeps the answer until a purge. */
    static final String POLL_CACHE_CONTROL = "public, max-age=0, s-maxage=60, stale-if-error=86400";

    private final Site site;
    private final ArticleService articles;
    private final ArticlePaths paths;
    private final LiveReads reads;
    private final MediaService media;
    private final LayoutFactory layouts;
    private final PageRenderer renderer;

    LivePages(
            Site site,
            ArticleService articles,
            ArticlePaths paths,
            LiveReads reads,
            MediaService media,
            LayoutFactory layouts,
            PageRenderer renderer) {
        this.site = site;
        this.articles = articles;
        this.paths = paths;
        this.reads = reads;
        this.media = media;
        this.layouts = layouts;
        this.renderer = renderer;
    }

    Optional<LiveBlog> blog(Article article) {
        return reads.blog(article.translationGroupId());
    }

    /** The live section of the article's page; {@code before} the keyset of a page of older entries. */
    LiveSection section(LiveBlog blog, Article article, Messages msg, Long before) {
        String path = paths.path(article);
        List<LiveEntry> page = reads.entries(blog, article.language(), before, PAGE + 1);
        boolean more = page.size() > PAGE;
        List<LiveEntry> shown = more ? page.subList(0, PAGE) : page;
        List<LiveEntryView> views = shown.stream().map(e -> view(e, path, msg)).toList();
        List<LiveSection.KeyEvent> keys = before != null
                ? List.of()
                : reads.keyEvents(blog, article.language(), KEY_EVENTS).stream()
                        .map(e -> new LiveSection.KeyEvent(
                                "#entry-" + e.threadId(),
                                e.postedAt(),
                                msg.dateTime(e.postedAt()),
                                Summaries.plain(e.bodyHtml(), 140)))
                        .toList();
        var last = reads.lastUpdate(blog, article.language());
        return new LiveSection(
                blog.isLive(),
                last,
                msg.dateTime(last),
                keys,
                views,
                blog.isLive() && before == null ? pollPath(article) : null,
                feedPath(article),
                shown.isEmpty() ? 0 : shown.get(0).threadId(),
                more ? path + "?before=" + shown.get(shown.size() - 1).threadId() : null,
                before == null ? null : path);
    }

    /** The schema.org coverage for the article's JSON-LD: its times and newest entries. */
    LiveCoverage coverage(LiveBlog blog, Article article, LiveSection section, LiveEntryView shared) {
        String url = site.absolute(paths.path(article));
        List<LiveCoverage.Update> updates = section.entries().stream()
                .map(v -> new LiveCoverage.Update(
                        url + "#" + v.anchor(),
                        Summaries.plain(v.bodyHtml(), 110),
                        Summaries.plain(v.bodyHtml(), 5_000),
                        v.postedAt(),
                        v.editedAt() != null ? v.editedAt() : v.postedAt(),
                        v.author()))
                .toList();
        return new LiveCoverage(
                blog.startedAt(),
                blog.endedAt(),
                section.lastUpdate(),
                updates,
                shared == null ? null : site.absolute(shared.shareHref()),
                shared == null ? null : Summaries.plain(shared.bodyHtml(), 200));
    }

    /** The entry a share link names ({@code ?entry=N}), in the article's language, if it shows there. */
    Optional<LiveEntryView> shared(LiveBlog blog, Article article, Messages msg, long thread) {
        return reads.entries(blog, article.language(), thread + 1, 1).stream()
                .filter(e -> e.threadId() == thread)
                .findFirst()
                .map(e -> view(e, paths.path(article), msg));
    }

    LiveEntryView view(LiveEntry e, String path, Messages msg) {
        LiveEntryView.Picture picture = e.mediaId() == null
                ? null
                : media.find(e.mediaId())
                        .map(i -> {
                            String alt = e.imageAlt() != null
                                    ? e.imageAlt()
                                    : i.text(e.language()).alt();
                            return new LiveEntryView.Picture(
                                    i.src(),
                                    i.srcset(),
                                    i.widths().get(i.widths().size() - 1),
                                    i.renditionHeight(),
                                    alt == null ? "" : alt);
                        })
                        .orElse(null);
        String anchor = "entry-" + e.threadId();
        return new LiveEntryView(
                e.threadId(),
                anchor,
                e.language(),
                e.original() ? e.language() : null,
                e.original() ? msg.languageName(e.language()) : null,
                e.postedAt(),
                msg.dateTime(e.postedAt()),
                e.editedAt(),
                e.editedAt() == null ? null : msg.dateTime(e.editedAt()),
                e.authorName(),
                e.bodyHtml(),
                e.quote(),
                e.keyEvent(),
                picture,
                path + "#" + anchor,
                path + "?entry=" + e.threadId());
    }

    /** {@code GET /LANG/live/ID}: the newest entries as HTML fragments, for the page's script. */
    public void poll(Context ctx) {
        Language language = site.languageOrNotFound(ctx.pathParam("lang"));
        Article article = published(ctx, language);
        LiveBlog blog = blog(article).orElseThrow(() -> new NotFoundException("Not a live article"));
        Messages msg = layouts.messages(language.code());
        String path = paths.path(article);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (LiveEntry e : reads.entries(blog, language.code(), null, PAGE)) {
            LiveEntryView view = view(e, path, msg);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("thread", view.thread());
            one.put("html", renderer.render("pages/live-entry.jte", Map.<String, Object>of("entry", view, "msg", msg)));
            entries.add(one);
        }
        var last = reads.lastUpdate(blog, language.code());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("live", blog.isLive());
        json.put("lastUpdate", last.toString());
        json.put("lastUpdateText", msg.dateTime(last));
        json.put("entries", entries);
        CacheablePage.respond(
                ctx, json(json), "application/json; charset=utf-8", keys(article), POLL_CACHE_CONTROL, null);
    }

    /** {@code GET /LANG/live/ID/atom.xml}: the live article's entries as an Atom feed, newest first. */
    public void atom(Context ctx) {
        Language language = site.languageOrNotFound(ctx.pathParam("lang"));
        Article article = published(ctx, language);
        LiveBlog blog = blog(article).orElseThrow(() -> new NotFoundException("Not a live article"));
        Messages msg = layouts.messages(language.code());
        String path = paths.path(article);
        List<Feed.Entry> entries = reads.entries(blog, language.code(), null, PAGE).stream()
                .map(e -> {
                    LiveEntryView v = view(e, path, msg);
                    return new Feed.Entry(
                            Summaries.plain(e.bodyHtml(), 110),
                            site.absolute(v.shareHref()),
                            e.postedAt(),
                            e.changedAt(),
                            Summaries.plain(e.bodyHtml(), 300),
                            e.bodyHtml(),
                            List.of(e.authorName()),
                            List.of());
                })
                .toList();
        var last = reads.lastUpdate(blog, language.code());
        Feed feed = new Feed(
                article.headline() + " – " + site.name(),
                msg.format("live.feed_description", Map.of("headline", article.headline())),
                language.code(),
                site.absolute(path),
                site.absolute(feedPath(article)),
                site.name(),
                last,
                entries);
        CacheablePage.respond(ctx, FeedXml.atom(feed), "application/atom+xml; charset=utf-8", keys(article));
    }

    private Set<String> keys(Article article) {
        return Set.of(
                PageKeys.live(article.translationGroupId()),
                PageKeys.article(article.id()),
                PageKeys.group(article.translationGroupId()));
    }

    private Article published(Context ctx, Language language) {
        String id = ctx.pathParam("id");
        if (!id.matches("\\d{1,18}")) throw new NotFoundException("No article " + id);
        Article article;
        try {
            article = articles.find(Long.parseLong(id));
        } catch (NotFoundException e) {
            throw new NotFoundException("No article " + id);
        }
        if (!article.isPublished() || !article.language().equals(language.code())) {
            throw new NotFoundException("No published article " + id + " in " + language.code());
        }
        return article;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private static byte[] json(Map<String, Object> value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pollPath(Article article) {
        return "/" + article.language() + "/live/" + article.id();
    }

    static String feedPath(Article article) {
        return "/" + article.language() + "/live/" + article.id() + "/atom.xml";
    }
}
