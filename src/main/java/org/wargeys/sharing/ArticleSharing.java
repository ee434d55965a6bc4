package org.wargeys.sharing;

import gg.jte.Content;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleDetails;
import org.wargeys.article.ArticlePaths;
import org.wargeys.article.ArticleService;
import org.wargeys.platform.Site;
import org.wargeys.web.Messages;
import org.wargeys.web.PageRenderer;
import org.wargeys.web.StaticAssets;

/**
 * What sharing adds to an article page: the share bar, the link-preview tags for the page head
 * (OpenGraph, Twitter card, JSON-LD NewsArticle) and share links on pull quotes. Thread-safe.
 */
public final class ArticleSharing {

    private final Site site;
    private final ArticleService articles;
    private final ArticlePaths paths;
    private final ShareSettings settings;
    private final ShareCards cards;
    private final ShareCounts counts;
    private final PageRenderer renderer;
    private final StaticAssets assets;
    private final SiteXAccount xAccount;

    ArticleSharing(
            Site site,
            ArticleService articles,
            ArticlePaths paths,
            ShareSettings settings,
            ShareCards cards,
            ShareCounts counts,
            PageRenderer renderer,
            StaticAssets assets,
            SiteXAccount xAccount) {
        this.site = site;
        this.articles = articles;
        this.paths = paths;
        this.settings = settings;
        this.cards = cards;
        this.counts = counts;
        this.renderer = renderer;
        this.assets = assets;
        this.xAccount = xAccount;
    }

    /** The share bar of a published article, labelled in the page's language. */
    public ShareBar bar(Article article, Messages msg) {
        String url = url(article);
        List<ShareBar.ShareLink> links = new ArrayList<>();
        ShareBar.ShareLink copy = null;
        for (ShareNetwork network : settings.networks()) {
            String href = network.link(settings.sharedUrl(url, network), article.headline(), xAccount.handle());
            var link = new ShareBar.ShareLink(
                    network.id(),
                    msg.get(network.labelKey()),
                    href,
                    ShareIcons.of(network.id()),
                    network != ShareNetwork.EMAIL);
            if (network == ShareNetwork.COPY) copy = link;
            else links.add(link);
        }
        String totalText = null;
        if (settings.socialProofThreshold() > 0) {
            long total = counts.total(article.id());
            if (total >= settings.socialProofThreshold()) {
                totalText = msg.format(
                        "sharing.total",
                        Map.of(
                                "count",
                                NumberFormat.getIntegerInstance(msg.language().locale())
                                        .format(total)));
            }
        }
        return new ShareBar(
                article.id(),
                article.language(),
                url,
                article.headline(),
                msg.get("sharing.label"),
                msg.get("sharing.share_via"),
                ShareIcons.of("share"),
                msg.get("sharing.link_copied"),
                msg.get("sharing.copy_manually"),
                ShareApi.BEACON_PATH,
                links,
                copy,
                totalText);
    }

    /** The body with a share link in each shareable pull quote. */
    public String withShareableQuotes(Article article, String bodyHtml, Messages msg) {
        return PullQuotes.decorate(
                bodyHtml,
                settings.sharedUrl(url(article), ShareNetwork.X),
                xAccount.handle(),
                msg.get("sharing.share_quote"));
    }

    /**
     * The head tags that describe the article to whoever fetches a shared link.
     *
     * @param versions the published articles of its translation group, itself included
     * @param featured the article's featured image, or null to show the generated share card
     */
    public Content preview(ArticleDetails details, List<Article> versions, String description, FeaturedImage featured) {
        return preview(details, versions, description, featured, null);
    }

    /**
     * The head tags of a live article (issue 17): JSON-LD {@code LiveBlogPosting} with its coverage
     * times and newest updates; on an entry's share link, og:url and the description are the entry's.
     */
    public Content preview(
            ArticleDetails details,
            List<Article> versions,
            String description,
            FeaturedImage featured,
            LiveCoverage live) {
        String html = renderer.render("sharing/preview.jte", model(details, versions, description, featured, live));
        return output -> output.writeContent(html);
    }

    SharePreview model(ArticleDetails details, List<Article> versions, String description) {
        return model(details, versions, description, null);
    }

    SharePreview model(ArticleDetails details, List<Article> versions, String description, FeaturedImage featured) {
        return model(details, versions, description, featured, null);
    }

    SharePreview model(
            ArticleDetails details,
            List<Article> versions,
            String description,
            FeaturedImage featured,
            LiveCoverage live) {
        if (live != null && live.sharedDescription() != null) description = live.sharedDescription();
        Article article = details.article();
        String url = url(article);
        String title = article.seoTitle() != null ? article.seoTitle() : article.headline();
        String section = details.section().map(s -> s.name()).orElse(null);
        boolean photo = featured != null;
        String image = photo ? site.absolute(featured.path()) : site.absolute(cards.path(article, section));
        String imageType = photo ? featured.contentType() : "image/png";
        int imageWidth = photo ? featured.width() : ShareCardRenderer.WIDTH;
        int imageHeight = photo ? featured.height() : ShareCardRenderer.HEIGHT;
        String imageAlt = photo && featured.alt() != null && !featured.alt().isBlank()
                ? featured.alt()
                : article.headline() + " – " + site.name();
        List<String> tags = details.tags().stream().map(t -> t.name()).toList();
        List<String> alternates = versions.stream()
                .filter(v -> v.id() != article.id())
                .map(v -> ogLocale(v.language()))
                .toList();

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", "https://schema.org");
        json.put("@type", "NewsArticle");
        json.put("@id", url + "#article");
        json.put("url", url);
        json.put("headline", article.headline());
        if (description != null) json.put("description", description);
        json.put(
                "image",
                List.of(Map.of(
                        "@type",
                        "ImageObject",
                        "url",
                        image,
                        "width",
                        pixels(imageWidth),
                        "height",
                        pixels(imageHeight))));
        json.put("datePublished", article.publishedAt().toString());
        json.put("dateModified", article.updatedAt().toString());
        json.put(
                "author",
                details.authors().isEmpty()
                        ? List.of(Map.of("@type", "Organization", "name", site.name()))
                        : details.authors().stream()
                                .map(a -> Map.of("@type", "Person", "name", a.name()))
                                .toList());
        json.put(
                "publisher",
                Map.of(
                        "@type",
                        "NewsMediaOrganization",
                        "name",
                        site.name(),
                        "url",
                        site.absolute("/"),
                        "logo",
                        Map.of(
                                "@type",
                                "ImageObject",
                                "url",
                                site.absolute(cards.logoPath()),
                                "width",
                                pixels(ShareCardRenderer.LOGO_WIDTH),
                                "height",
                                pixels(ShareCardRenderer.LOGO_HEIGHT))));
        json.put("inLanguage", article.language());
        if (!article.dateline().isEmpty())
            json.put("dateline", article.dateline().printed());
        if (section != null) json.put("articleSection", section);
        if (!tags.isEmpty()) json.put("keywords", tags);
        json.put("mainEntityOfPage", Map.of("@type", "WebPage", "@id", url));
        json.put("isAccessibleForFree", true);
        translations(article, versions, json);
        if (live != null) live(live, article, json);

        return new SharePreview(
                title,
                description,
                live != null && live.sharedUrl() != null ? live.sharedUrl() : url,
                image,
                imageType,
                imageWidth,
                imageHeight,
                imageAlt,
                site.name(),
                ogLocale(article.language()),
                alternates,
                article.publishedAt().toString(),
                article.updatedAt().toString(),
                section,
                tags,
                xAccount.handle(),
                creator(details),
                NewsArticleJson.write(json),
                assets.url("share.js"));
    }

    /**
     * A live article is a LiveBlogPosting (a NewsArticle for schema.org): its coverage times, and each
     * update a BlogPosting with its own address, time and author.
     */
    private void live(LiveCoverage live, Article article, Map<String, Object> json) {
        json.put("@type", "LiveBlogPosting");
        json.put("coverageStartTime", live.start().toString());
        if (live.end() != null) json.put("coverageEndTime", live.end().toString());
        if (live.modified().isAfter(article.updatedAt()))
            json.put("dateModified", live.modified().toString());
        json.put(
                "liveBlogUpdate",
                live.updates().stream()
                        .map(u -> {
                            Map<String, Object> update = new LinkedHashMap<>();
                            update.put("@type", "BlogPosting");
                            update.put("@id", u.url());
                            update.put("url", u.url());
                            update.put("headline", u.headline());
                            update.put("articleBody", u.body());
                            update.put("datePublished", u.published().toString());
                            update.put("dateModified", u.modified().toString());
                            update.put("author", Map.of("@type", "Person", "name", u.author()));
                            return update;
                        })
                        .toList());
    }

    /**
     * A size in pixels as schema.org types it: width and height are a Distance or a QuantitativeValue,
     * never a bare number (which vocabulary checkers refuse); E37 is UN/CEFACT's code for the pixel.
     */
    static Map<String, Object> pixels(int value) {
        Map<String, Object> size = new LinkedHashMap<>();
        size.put("@type", "QuantitativeValue");
        size.put("value", value);
        size.put("unitCode", "E37");
        size.put("unitText", "px");
        return size;
    }

    /** The X account of the first credited author who has one (twitter:creator names one), or null. */
    private String creator(ArticleDetails details) {
        var ids = details.authors().stream().map(a -> a.id()).toList();
        Map<Long, String> handles = articles.authorXHandles(ids);
        return ids.stream().map(handles::get).filter(h -> h != null).findFirst().orElse(null);
    }

    // The group's first article is the source the others translate: it lists its published
    // translations (workTranslation); each translation points at it (translationOfWork).
    private void translations(Article article, List<Article> versions, Map<String, Object> json) {
        List<Article> group = articles.translationGroup(article.translationGroupId());
        if (group.isEmpty()) return;
        Article source = group.get(0);
        if (source.id() == article.id()) {
            List<Map<String, Object>> works = versions.stream()
                    .filter(v -> v.id() != article.id())
                    .map(this::reference)
                    .toList();
            if (!works.isEmpty()) json.put("workTranslation", works);
        } else if (versions.stream().anyMatch(v -> v.id() == source.id())) {
            json.put("translationOfWork", reference(source));
        }
    }

    private Map<String, Object> reference(Article other) {
        String url = url(other);
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("@type", "NewsArticle");
        ref.put("@id", url + "#article");
        ref.put("url", url);
        ref.put("headline", other.headline());
        ref.put("inLanguage", other.language());
        return ref;
    }

    private String url(Article article) {
        return site.absolute(paths.path(article));
    }

    /** The OpenGraph locale (language_TERRITORY) for a language code. */
    static String ogLocale(String language) {
        return switch (language) {
            case "en" -> "en_US";
            case "so" -> "so_SO";
            case "ar" -> "ar_AR";
            default -> language + "_" + language.toUpperCase(java.util.Locale.ROOT);
        };
    }
}
