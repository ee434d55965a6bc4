package org.wargeys.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wargeys.platform.NotFoundException;
import org.wargeys.sitemap.SitemapService;
import org.wargeys.web.CacheablePage;

/**
 * {@code /robots.txt}, the sitemap index {@code /sitemap.xml} and the sitemaps beside it
 * ({@code /sitemap-LANG-N.xml}, {@code /sitemap-news.xml}). The old addresses under {@code /sitemaps/}
 * redirect there for crawlers that remember them.
 */
public final class SitemapPages {

    private static final Pattern LANGUAGE_SITEMAP = Pattern.compile("([a-z]{2,3})-(\\d{1,5})\\.xml");

    private final SitemapService sitemaps;
    private final org.wargeys.platform.Site site;

    SitemapPages(SitemapService sitemaps, org.wargeys.platform.Site site) {
        this.sitemaps = sitemaps;
        this.site = site;
    }

    public void robots(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType("text/plain; charset=utf-8").result(sitemaps.robots());
    }

    public void index(Context ctx) {
        xml(ctx, sitemaps.index().orElseThrow(() -> new NotFoundException("Nothing published: no sitemap")));
    }

    /** {@code /sitemap-{file}}: the news sitemap or a language's slice. */
    public void sitemap(Context ctx) {
        String file = ctx.pathParam("file");
        if (file.equals("news.xml")) {
            xml(ctx, sitemaps.news().orElseThrow(() -> new NotFoundException("Nothing published: no news sitemap")));
            return;
        }
        Matcher m = LANGUAGE_SITEMAP.matcher(file);
        if (!m.matches()) throw new NotFoundException("No sitemap " + file);
        xml(
                ctx,
                sitemaps.language(m.group(1), Integer.parseInt(m.group(2)))
                        .orElseThrow(() -> new NotFoundException("No sitemap " + file)));
    }

    /** {@code /sitemaps/{file}}, where the sitemaps were served until a crawler showed they must be at the root. */
    public void moved(Context ctx) {
        String file = ctx.pathParam("file");
        if (!file.equals("news.xml") && !LANGUAGE_SITEMAP.matcher(file).matches())
            throw new NotFoundException("No sitemap " + file);
        ctx.redirect("/sitemap-" + file, HttpStatus.MOVED_PERMANENTLY);
    }

    // Sitemaps list every article of a language (or of all of them): the languages' latest-LANG keys
    // are purged by every publish, edit and unpublish, and name them in a header of bounded size.
    private void xml(Context ctx, String xml) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (var language : site.languages()) keys.add(PageKeys.latest(language.code()));
        CacheablePage.respond(ctx, xml, "application/xml; charset=utf-8", keys);
    }
}
