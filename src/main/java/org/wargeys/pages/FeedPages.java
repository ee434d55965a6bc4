package org.wargeys.pages;

import io.javalin.http.Context;
import java.util.Optional;
import org.wargeys.feed.Feed;
import org.wargeys.feed.FeedService;
import org.wargeys.feed.FeedXml;
import org.wargeys.platform.Language;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.Site;
import org.wargeys.web.CacheablePage;
import org.wargeys.web.LayoutFactory;

/**
 * RSS and Atom feeds: {@code /LANG/rss.xml} and {@code /LANG/atom.xml} for the latest news, the same
 * under {@code /LANG/section/SLUG/} and {@code /LANG/tag/SLUG/}. Unknown sections and tags are 404s.
 */
public final class FeedPages {

    private final Site site;
    private final FeedService feeds;

    FeedPages(Site site, FeedService feeds) {
        this.site = site;
        this.feeds = feeds;
    }

    public void latestRss(Context ctx) {
        Language language = language(ctx);
        rss(ctx, Optional.of(feeds.latest(language.code(), LayoutFactory.homePath(language.code()))));
    }

    public void latestAtom(Context ctx) {
        Language language = language(ctx);
        atom(ctx, Optional.of(feeds.latest(language.code(), LayoutFactory.homePath(language.code()))));
    }

    public void sectionRss(Context ctx) {
        Language language = language(ctx);
        rss(
                ctx,
                feeds.section(
                        language.code(),
                        ctx.pathParam("slug"),
                        ArchivePaths.section(language.code(), ctx.pathParam("slug"))));
    }

    public void sectionAtom(Context ctx) {
        Language language = language(ctx);
        atom(
                ctx,
                feeds.section(
                        language.code(),
                        ctx.pathParam("slug"),
                        ArchivePaths.section(language.code(), ctx.pathParam("slug"))));
    }

    public void tagRss(Context ctx) {
        Language language = language(ctx);
        rss(
                ctx,
                feeds.tag(
                        language.code(),
                        ctx.pathParam("slug"),
                        ArchivePaths.tag(language.code(), ctx.pathParam("slug"))));
    }

    public void tagAtom(Context ctx) {
        Language language = language(ctx);
        atom(
                ctx,
                feeds.tag(
                        language.code(),
                        ctx.pathParam("slug"),
                        ArchivePaths.tag(language.code(), ctx.pathParam("slug"))));
    }

    private void rss(Context ctx, Optional<Feed> feed) {
        Feed found = feed.orElseThrow(() -> new NotFoundException("No feed " + ctx.path()));
        send(ctx, "application/rss+xml; charset=utf-8", FeedXml.rss(found.withSelf(site.absolute(ctx.path()))));
    }

    private void atom(Context ctx, Optional<Feed> feed) {
        Feed found = feed.orElseThrow(() -> new NotFoundException("No feed " + ctx.path()));
        send(ctx, "application/atom+xml; charset=utf-8", FeedXml.atom(found.withSelf(site.absolute(ctx.path()))));
    }

    // Every publish, edit or unpublish in a language purges its latest-LANG key, so one key keeps all of
    // that language's feeds (latest, per section, per tag) exact.
    private static void send(Context ctx, String type, String xml) {
        CacheablePage.respond(ctx, xml, type, java.util.Set.of(PageKeys.latest(ctx.pathParam("lang"))));
    }

    private Language language(Context ctx) {
        return site.languageOrNotFound(ctx.pathParam("lang"));
    }
}
