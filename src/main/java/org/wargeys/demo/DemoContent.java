package org.wargeys.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleDraft;
import org.wargeys.article.ArticleEdit;
import org.wargeys.article.ArticleService;
import org.wargeys.article.BodyFormat;
import org.wargeys.article.MarkdownText;
import org.wargeys.article.Slug;
import org.wargeys.platform.Actor;
import org.wargeys.platform.Site;

/**
 * The demo site: the reference article in English and its Somali translation, linked in one
 * translation group, with a section, tags and a byline. Loaded only into an empty database, so a
 * restart never duplicates it.
 */
public final class DemoContent {

    private static final Logger LOG = LoggerFactory.getLogger(DemoContent.class);
    static final Instant ENGLISH_PUBLISHED = Instant.parse("2020-12-23T07:00:00Z");
    static final Instant SOMALI_PUBLISHED = Instant.parse("2020-12-23T09:30:00Z");

    /** Who the audit log names for the demo content. */
    static final Actor DEMO = new Actor(null, "demo", null);

    private final ArticleService articles;
    private final Site site;
    private final FixtureArticleParser parser = new FixtureArticleParser();

    public DemoContent(ArticleService articles, Site site) {
        this.articles = articles;
        this.site = site;
    }

    /** Loads the demo into an empty database; returns false (and does nothing) if there are articles. */
    public boolean loadIfEmpty() {
        if (articles.count() > 0) return false;
        articles.defineSection("world", only(Map.of("en", "World", "so", "Adduunka", "ar", "العالم")), DEMO);
        articles.defineTag("iran", only(Map.of("en", "Iran", "so", "Iiraan", "ar", "إيران")), DEMO);
        articles.defineTag("iraq", only(Map.of("en", "Iraq", "so", "Ciraaq", "ar", "العراق")), DEMO);
        articles.defineTag(
                "united-states",
                only(Map.of("en", "United States", "so", "Mareykanka", "ar", "الولايات المتحدة")),
                DEMO);
        articles.defineAuthor(
                "newsroom",
                site.name() + " Staff",
                only(Map.of(
                        "en", site.name() + " Staff", "so", "Tifaftirka " + site.name(), "ar", "فريق " + site.name())),
                DEMO);

        Article english = articles.createDraft(draft("en", read("seed-article.en.txt")), DEMO);
        articles.publishArchived(english.id(), ENGLISH_PUBLISHED, DEMO);
        if (site.publishesIn("so")) {
            Article somali = articles.createTranslation(
                    english.translationGroupId(), ArticleEdit.of(draft("so", read("seed-article.so.txt"))), DEMO);
            articles.publishArchived(somali.id(), SOMALI_PUBLISHED, DEMO);
        }
        LOG.info("Loaded the demo content");
        return true;
    }

    private ArticleDraft draft(String language, String text) {
        FixtureArticle fixture = parser.parse(text);
        String body = fixture.paragraphs().stream().map(MarkdownText::escape).collect(Collectors.joining("\n\n"));
        return new ArticleDraft(
                language,
                Slug.of(fixture.headline(), 4),
                fixture.headline(),
                fixture.dateline(),
                null,
                BodyFormat.MARKDOWN,
                body,
                "world",
                List.of("iran", "iraq", "united-states"),
                List.of("newsroom"));
    }

    // Names only in the languages the site publishes in.
    private Map<String, String> only(Map<String, String> names) {
        return names.entrySet().stream()
                .filter(e -> site.publishesIn(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String read(String name) {
        try (InputStream in = DemoContent.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) throw new IllegalStateException("Missing demo resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
