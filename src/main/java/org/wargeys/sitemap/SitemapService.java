package org.wargeys.sitemap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleArchive;
import org.wargeys.article.ArticlePaths;
import org.wargeys.platform.Language;
import org.wargeys.platform.Site;
import org.wargeys.platform.XmlDocuments;

/**
 * The sitemaps search engines read: an index ({@code /sitemap.xml}) of one sitemap per language and
 * slice of {@link #PER_SITEMAP} articles ({@code /sitemap-LANG-N.xml}), each article with
 * {@code xhtml:link} hreflang alternates to its published translations, and a Google News sitemap
 * ({@code /sitemap-news.xml}) of the articles published in the last 48 hours by the injected clock.
 *
 * <p>Every sitemap is served from the root: the protocol lets a sitemap list only URLs at or below its
 * own folder, and strict parsers (crawler-commons, in Nutch and StormCrawler) drop the others. A
 * sitemap lists only pages worth indexing, and the schema wants at least one URL in each file: a
 * language with nothing published has no sitemap (and no entry in the index), and a site with nothing
 * published has no index at all. Thread-safe.
 */
public final class SitemapService {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    /** Below the protocol's 50,000 URLs and 50 MB a file, with room for the alternates. */
    public static final int PER_SITEMAP = 10_000;

    private final int perSitemap;

    static final Duration NEWS_WINDOW = Duration.ofHours(48);
    static final int NEWS_MAX = 1_000;

    private final Site site;
    private final ArticleArchive archive;
    private final ArticlePaths paths;
    private final Clock clock;

    SitemapService(Site site, ArticleArchive archive, ArticlePaths paths, Clock clock) {
        this(site, archive, paths, clock, PER_SITEMAP);
    }

    /** @param perSitemap articles a language sitemap lists (tests use a few) */
    SitemapService(Site site, ArticleArchive archive, ArticlePaths paths, Clock clock, int perSitemap) {
        this.perSitemap = perSitemap;
        this.site = site;
        this.archive = archive;
        this.paths = paths;
        this.clock = clock;
    }

    public static String languagePath(String language, int slice) {
        return "/sitemap-" + language + "-" + slice + ".xml";
    }

    public static final String NEWS_PATH = "/sitemap-news.xml";
    public static final String INDEX_PATH = "/sitemap.xml";

    /** The sitemap index; empty while nothing at all is published (an index must list a sitemap). */
    public Optional<String> index() {
        // Each slice's newest change, for every slice of a language in one query.
        Map<String, List<Instant>> slices = new java.util.LinkedHashMap<>();
        for (Language language : site.languages())
            slices.put(language.code(), archive.sliceChanges(language.code(), perSitemap));
        if (slices.values().stream().allMatch(List::isEmpty)) return Optional.empty();
        return Optional.of(XmlDocuments.write(x -> {
            x.writeStartElement("sitemapindex");
            x.writeDefaultNamespace(SITEMAP_NS);
            for (Language language : site.languages()) {
                List<Instant> changes = slices.get(language.code());
                for (int slice = 1; slice <= changes.size(); slice++) {
                    x.writeStartElement("sitemap");
                    XmlDocuments.text(x, "loc", site.absolute(languagePath(language.code(), slice)));
                    // When the slice's newest change was made, so crawlers re-read only what changed.
                    XmlDocuments.text(x, "lastmod", timestamp(changes.get(slice - 1)));
                    x.writeEndElement();
                }
            }
            x.writeStartElement("sitemap");
            XmlDocuments.text(x, "loc", site.absolute(NEWS_PATH));
            // The news sitemap changes with the last 48 hours' articles, or else with the newest article.
            var fresh = archive.publishedSince(clock.instant().minus(NEWS_WINDOW), NEWS_MAX);
            var newest = (fresh.isEmpty() ? archive.publishedSince(Instant.EPOCH, 1) : fresh)
                    .stream().map(SitemapService::lastModified).max(Instant::compareTo);
            if (newest.isPresent()) XmlDocuments.text(x, "lastmod", timestamp(newest.get()));
            x.writeEndElement();
            x.writeEndElement();
        }));
    }

    /**
     * A language's sitemap slice (1-based); empty for an unknown language, a language with nothing
     * published or a slice past the end.
     */
    public Optional<String> language(String code, int slice) {
        if (site.language(code).isEmpty() || slice < 1) return Optional.empty();
        // Where the slice starts, from the index; then its articles by keyset from there.
        var first = archive.publishedAt(code, (int) Math.min(Integer.MAX_VALUE, (slice - 1L) * perSitemap));
        if (first.isEmpty()) return Optional.empty();
        List<Article> articles = archive.publishedFrom(code, first.get(), perSitemap);
        Map<Long, List<Article>> groups = archive.publishedGroups(
                articles.stream().map(Article::translationGroupId).distinct().toList());
        return Optional.of(XmlDocuments.write(x -> {
            x.writeStartElement("urlset");
            x.writeDefaultNamespace(SITEMAP_NS);
            x.writeNamespace("xhtml", XHTML_NS);
            if (slice == 1) {
                x.writeStartElement("url");
                XmlDocuments.text(x, "loc", site.absolute("/" + code + "/"));
                // Only to home pages that list something: an empty one is not indexed.
                List<String> listing = site.languages().stream()
                        .map(Language::code)
                        .filter(other -> other.equals(code)
                                || archive.publishedAt(other, 0).isPresent())
                        .toList();
                if (listing.size() > 1) for (String other : listing) alternate(x, other, "/" + other + "/");
                x.writeEndElement();
            }
            for (Article article : articles) {
                x.writeStartElement("url");
                XmlDocuments.text(x, "loc", site.absolute(paths.path(article)));
                XmlDocuments.text(x, "lastmod", timestamp(lastModified(article)));
                List<Article> versions = groups.getOrDefault(article.translationGroupId(), List.of(article));
                if (versions.size() > 1) {
                    for (Article version : versions) alternate(x, version.language(), paths.path(version));
                }
                x.writeEndElement();
            }
            x.writeEndElement();
        }));
    }

    /**
     * The Google News sitemap: every language's articles published in the last 48 hours. When nothing
     * is that fresh it lists the newest article without its news metadata (Google's advice for articles
     * past two days), so the file stays valid where search consoles know it; empty while nothing at all
     * is published.
     */
    public Optional<String> news() {
        Instant since = clock.instant().minus(NEWS_WINDOW);
        List<Article> recent = new ArrayList<>(archive.publishedSince(since, NEWS_MAX));
        if (recent.isEmpty()) {
            return archive.publishedSince(Instant.EPOCH, 1).stream()
                    .findFirst()
                    .map(newest -> XmlDocuments.write(x -> {
                        x.writeStartElement("urlset");
                        x.writeDefaultNamespace(SITEMAP_NS);
                        x.writeStartElement("url");
                        XmlDocuments.text(x, "loc", site.absolute(paths.path(newest)));
                        XmlDocuments.text(x, "lastmod", timestamp(lastModified(newest)));
                        x.writeEndElement();
                        x.writeEndElement();
                    }));
        }
        return Optional.of(XmlDocuments.write(x -> {
            x.writeStartElement("urlset");
            x.writeDefaultNamespace(SITEMAP_NS);
            x.writeNamespace("news", NEWS_NS);
            for (Article article : recent) {
                x.writeStartElement("url");
                XmlDocuments.text(x, "loc", site.absolute(paths.path(article)));
                x.writeStartElement("news", "news", NEWS_NS);
                x.writeStartElement("news", "publication", NEWS_NS);
                newsText(x, "name", site.name());
                newsText(x, "language", article.language());
                x.writeEndElement();
                newsText(x, "publication_date", timestamp(article.publishedAt()));
                newsText(x, "title", article.headline());
                x.writeEndElement();
                x.writeEndElement();
            }
            x.writeEndElement();
        }));
    }

    /** robots.txt: everything may be crawled but search results; where the sitemap index is. */
    public String robots() {
        StringBuilder out = new StringBuilder("User-agent: *\n");
        for (Language language : site.languages())
            out.append("Disallow: /").append(language.code()).append("/search\n");
        // No index exists while nothing is published; a Sitemap line would point at a 404.
        boolean published = site.languages().stream()
                .anyMatch(l -> archive.publishedAt(l.code(), 0).isPresent());
        if (published)
            out.append("\nSitemap: ").append(site.absolute(INDEX_PATH)).append('\n');
        return out.toString();
    }

    static Instant lastModified(Article article) {
        return article.updatedAt().isAfter(article.publishedAt()) ? article.updatedAt() : article.publishedAt();
    }

    static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private void alternate(XMLStreamWriter x, String hreflang, String path) throws XMLStreamException {
        x.writeEmptyElement("xhtml", "link", XHTML_NS);
        x.writeAttribute("rel", "alternate");
        x.writeAttribute("hreflang", hreflang);
        x.writeAttribute("href", site.absolute(path));
    }

    private static void newsText(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement("news", name, NEWS_NS);
        x.writeCharacters(value);
        x.writeEndElement();
    }
}
