package org.wargeys.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleArchive;
import org.wargeys.article.ArticlePaths;
import org.wargeys.article.ArticleService;
import org.wargeys.platform.Site;
import org.wargeys.platform.Text;
import org.wargeys.web.MessageBundles;
import org.wargeys.web.Messages;

/**
 * Builds the feeds of a language, a section and a tag: the latest {@link #SIZE} published articles,
 * absolute links, titles in the feed's language, whole articles or summaries as {@link FeedSettings}
 * says. The caller picks the format. Thread-safe.
 */
public final class FeedService {

    static final int SIZE = 20;
    static final int SUMMARY_LENGTH = 300;

    private final Site site;
    private final ArticleService articles;
    private final ArticleArchive archive;
    private final ArticlePaths paths;
    private final MessageBundles bundles;
    private final FeedSettings settings;
    private final java.time.Clock clock;

    FeedService(
            Site site,
            ArticleService articles,
            ArticleArchive archive,
            ArticlePaths paths,
            MessageBundles bundles,
            FeedSettings settings,
            java.time.Clock clock) {
        this.clock = clock;
        this.site = site;
        this.articles = articles;
        this.archive = archive;
        this.paths = paths;
        this.bundles = bundles;
        this.settings = settings;
    }

    /** The language's latest news; {@code htmlPath} is its home page. */
    public Feed latest(String language, String htmlPath) {
        Messages msg = bundles.of(language);
        return feed(
                msg.format("feed.latest_title", Map.of("site", site.name())),
                msg.format("feed.latest_description", Map.of("site", site.name())),
                language,
                htmlPath,
                articles.latestPublished(language, SIZE, 0));
    }

    public Optional<Feed> section(String language, String slug, String htmlPath) {
        Messages msg = bundles.of(language);
        return archive.section(language, slug)
                .map(s -> feed(
                        msg.format("feed.section_title", Map.of("site", site.name(), "section", s.name())),
                        msg.format("archive.section_description", Map.of("site", site.name(), "section", s.name())),
                        language,
                        htmlPath,
                        archive.page(archive.inSection(s.id(), language), ArticleArchive.Position.FIRST, SIZE)
                                .items()));
    }

    public Optional<Feed> tag(String language, String slug, String htmlPath) {
        Messages msg = bundles.of(language);
        return archive.tag(language, slug)
                .map(t -> feed(
                        msg.format("feed.tag_title", Map.of("site", site.name(), "tag", t.name())),
                        msg.format("archive.tag_description", Map.of("site", site.name(), "tag", t.name())),
                        language,
                        htmlPath,
                        archive.page(archive.tagged(t.id(), language), ArticleArchive.Position.FIRST, SIZE)
                                .items()));
    }

    private Feed feed(String title, String description, String language, String htmlPath, List<Article> found) {
        boolean full = settings.fullContent();
        List<Feed.Entry> entries = found.stream().map(a -> entry(a, full)).toList();
        Instant updated = entries.stream()
                .map(Feed.Entry::updated)
                .max(Instant::compareTo)
                .orElseGet(this::emptyFeedUpdated);
        return new Feed(title, description, language, site.absolute(htmlPath), null, site.name(), updated, entries);
    }

    /**
     * When a feed with no entries last changed, as a plausible date (feed validators reject 1970, and
     * Atom requires one): the site's newest publish or edit in any language, or, on a site with
     * nothing published, now.
     */
    private Instant emptyFeedUpdated() {
        return site.languages().stream()
                .map(l -> archive.lastModified(l.code()))
                .flatMap(Optional::stream)
                .max(Instant::compareTo)
                .orElseGet(clock::instant)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private Feed.Entry entry(Article a, boolean full) {
        var details = articles.details(a);
        Instant updated = a.updatedAt().isAfter(a.publishedAt()) ? a.updatedAt() : a.publishedAt();
        List<String> categories = new java.util.ArrayList<>();
        details.section().ifPresent(s -> categories.add(s.name()));
        details.tags().forEach(t -> categories.add(t.name()));
        return new Feed.Entry(
                a.headline(),
                site.absolute(paths.path(a)),
                a.publishedAt(),
                updated,
                summary(a),
                full ? a.bodyHtml() : null,
                details.authors().stream().map(x -> x.name()).toList(),
                categories);
    }

    static String summary(Article a) {
        String text = a.standfirst() != null && !a.standfirst().isBlank()
                ? a.standfirst()
                : org.jsoup.Jsoup.parse(a.bodyHtml()).text();
        return Text.shorten(text, SUMMARY_LENGTH);
    }
}
