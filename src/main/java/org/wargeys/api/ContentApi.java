package org.wargeys.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleCorrections;
import org.wargeys.article.ArticleDetails;
import org.wargeys.article.ArticleSelection;
import org.wargeys.article.ArticleService;
import org.wargeys.media.Image;
import org.wargeys.media.MediaService;
import org.wargeys.pages.PageKeys;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.Site;
import org.wargeys.platform.ValidationException;
import org.wargeys.search.SearchIndex;
import org.wargeys.search.SearchQuery;
import org.wargeys.search.SearchResults;
import org.wargeys.translation.TranslationService;
import org.wargeys.web.CacheablePage;

/**
 * The Content API, public and read-only, under {@code /api/v1}: published articles by language,
 * section, tag, author and date with cursor pagination; one article whole; sections, tags and authors;
 * search. Answers go through the page cache with the same surrogate keys as the pages that show the
 * same things, so a publication drops exactly the answers it changes. Thread-safe.
 */
public final class ContentApi {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    /** The list parameters in the order in which a query is kept by the cache. */
    public static final List<String> LIST_PARAMETERS =
            List.of("language", "section", "tag", "author", "from", "to", "limit", "cursor");

    public static final List<String> TERM_PARAMETERS = List.of("language");
    static final List<String> SEARCH_PARAMETERS = List.of("language", "q", "section", "from", "to", "page");

    private final Site site;
    private final ArticleService articles;
    private final ArticleSelection selection;
    private final ArticleCorrections corrections;
    private final TranslationService translations;
    private final MediaService media;
    private final SearchIndex search;
    private final ApiJson json;
    private final ApiSettings settings;
    private final byte[] openApi;

    ContentApi(
            Site site,
            ArticleService articles,
            ArticleSelection selection,
            ArticleCorrections corrections,
            TranslationService translations,
            MediaService media,
            SearchIndex search,
            ApiJson json,
            ApiSettings settings,
            byte[] openApi) {
        this.site = site;
        this.articles = articles;
        this.selection = selection;
        this.corrections = corrections;
        this.translations = translations;
        this.media = media;
        this.search = search;
        this.json = json;
        this.settings = settings;
        this.openApi = openApi;
    }

    /** {@code GET /api/v1/articles}: newest first, a page at a time. */
    public void list(Context ctx) {
        Map<String, String> q = parameters(ctx, LIST_PARAMETERS);
        String language = language(q.get("language"), false);
        int limit = limit(q.get("limit"));
        ArticleSelection.After after = null;
        if (q.get("cursor") != null) {
            after = Cursor.parse(q.get("cursor"))
                    .orElseThrow(() -> ValidationException.of("cursor", "api.error.cursor"));
        }
        Instant from = q.get("from") == null ? null : day(q.get("from"), "from");
        Instant until = q.get("to") == null ? null : day(q.get("to"), "to").plus(java.time.Duration.ofDays(1));
        var filter =
                new ArticleSelection.Filter(language, q.get("section"), q.get("tag"), q.get("author"), from, until);
        // A section, tag or author that does not exist lists nothing (as an empty archive would).
        ArticleSelection.Terms terms = selection.terms(filter).orElse(null);
        List<Article> found = terms == null ? List.of() : selection.select(filter, terms, after, limit + 1);
        boolean more = found.size() > limit;
        List<Article> page = more ? found.subList(0, limit) : found;

        Set<String> keys = new LinkedHashSet<>();
        languages(language).forEach(l -> keys.add(PageKeys.latest(l)));
        ObjectNode body = json.object();
        ArrayNode items = body.putArray("items");
        for (Article a : page) {
            ArticleDetails details = articles.details(a);
            items.add(json.summary(details));
            keys.add(PageKeys.article(a.id()));
            names(details, keys);
        }
        if (more) {
            Article last = page.get(page.size() - 1);
            String cursor = Cursor.of(last.publishedAt(), last.id());
            Map<String, String> next = new LinkedHashMap<>(q);
            next.put("cursor", cursor);
            body.put("next_cursor", cursor);
            body.put("next", json.apiUrl("/api/v1/articles?" + query(next, LIST_PARAMETERS)));
        } else {
            body.putNull("next_cursor");
            body.putNull("next");
        }
        respond(ctx, body, keys);
    }

    /** {@code GET /api/v1/articles/{id}}: a published article with everything readers see of it. */
    public void show(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("[0-9]{1,18}")) throw new NotFoundException("No article " + id);
        Article article = articles.find(Long.parseLong(id));
        if (!article.isPublished() || !site.publishesIn(article.language())) {
            throw new NotFoundException("No published article " + id);
        }
        ArticleDetails details = articles.details(article);
        Image image = media.featured(article.id()).orElse(null);
        List<Article> group = translations.publishedGroup(article);
        Set<String> keys = new LinkedHashSet<>();
        keys.add(PageKeys.article(article.id()));
        keys.add(PageKeys.group(article.translationGroupId()));
        names(details, keys);
        if (image != null) keys.add(PageKeys.media(image.id()));
        respond(ctx, json.article(details, image, corrections.of(article.id()), group), keys);
    }

    public void sections(Context ctx) {
        String language = language(parameters(ctx, TERM_PARAMETERS).get("language"), true);
        ObjectNode body = json.object();
        ArrayNode items = body.putArray("items");
        selection.sections(language).forEach(s -> items.add(json.term(s.key(), s.name(), s.slug())));
        respond(ctx, body, Set.of(PageKeys.latest(language)));
    }

    public void tags(Context ctx) {
        String language = language(parameters(ctx, TERM_PARAMETERS).get("language"), true);
        ObjectNode body = json.object();
        ArrayNode items = body.putArray("items");
        selection.tags(language).forEach(t -> items.add(json.term(t.key(), t.name(), t.slug())));
        respond(ctx, body, Set.of(PageKeys.latest(language)));
    }

    public void authors(Context ctx) {
        String language = language(parameters(ctx, TERM_PARAMETERS).get("language"), true);
        ObjectNode body = json.object();
        ArrayNode items = body.putArray("items");
        selection.authors(language).forEach(a -> items.add(json.term(a.key(), a.name(), a.slug())));
        respond(ctx, body, Set.of(PageKeys.latest(language)));
    }

    /** {@code GET /api/v1/search}: never kept (every query is another answer). */
    public void search(Context ctx) {
        Map<String, String> q = parameters(ctx, SEARCH_PARAMETERS);
        String language = language(q.get("language"), true);
        String text = q.get("q") == null ? "" : q.get("q").strip();
        if (text.isEmpty() || text.length() > 200) throw ValidationException.of("q", "api.error.query");
        int page = 1;
        if (q.get("page") != null) {
            if (!q.get("page").matches("[1-9][0-9]{0,2}")) throw ValidationException.of("page", "api.error.page");
            page = Integer.parseInt(q.get("page"));
        }
        Instant from = q.get("from") == null ? null : day(q.get("from"), "from");
        Instant until = q.get("to") == null ? null : day(q.get("to"), "to").plus(java.time.Duration.ofDays(1));
        SearchResults results =
                search.search(new SearchQuery(language, text, q.get("section"), from, until, page, DEFAULT_LIMIT));
        ObjectNode body = json.object();
        body.put("total", results.total());
        body.put("exact", results.exact());
        body.put("page", results.page());
        body.put("pages", results.pages());
        ArrayNode items = body.putArray("items");
        results.hits().forEach(hit -> {
            ObjectNode item = items.addObject();
            item.put("id", hit.articleId());
            item.put("headline", hit.headline());
            item.put("url", site.absolute(ApiJson.encoded(hit.path())));
            item.put("api_url", json.apiUrl("/api/v1/articles/" + hit.articleId()));
            item.put("snippet_html", hit.snippetHtml());
            item.put("section", hit.sectionName());
            item.put("published_at", ApiJson.instant(hit.publishedAt()));
        });
        ctx.header("Cache-Control", "no-store");
        ctx.status(200).contentType(ApiJson.TYPE).result(json.bytes(body));
    }

    /** {@code GET /api/v1/openapi.json}: the contract. */
    public void openApi(Context ctx) {
        CacheablePage.respond(ctx, openApi, ApiJson.TYPE, Set.of(), null, vary());
    }

    /** A query is kept by the cache when it names known parameters once each, in the documented order. */
    static boolean keepable(String query, List<String> order) {
        if (query == null) return true;
        int last = -1;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) return false;
            int at = order.indexOf(pair.substring(0, eq));
            if (at <= last) return false;
            last = at;
        }
        return true;
    }

    private void respond(Context ctx, ObjectNode body, Set<String> keys) {
        CacheablePage.respond(
                ctx,
                json.bytes(body),
                ApiJson.TYPE,
                keys,
                settings.keysRequired() ? "private, max-age=60" : null,
                vary());
    }

    private String vary() {
        return settings.variesByOrigin() ? "Accept-Encoding, Origin" : "Accept-Encoding";
    }

    /** The names an answer prints: a rename drops it. */
    private static void names(ArticleDetails details, Set<String> keys) {
        details.section().ifPresent(s -> keys.add(PageKeys.name("section", s.id())));
        details.tags().forEach(t -> keys.add(PageKeys.name("tag", t.id())));
        details.authors().forEach(a -> keys.add(PageKeys.name("author", a.id())));
    }

    private List<String> languages(String language) {
        return language != null
                ? List.of(language)
                : site.languages().stream().map(l -> l.code()).toList();
    }

    /** The query's parameters; one it does not know, or one given twice, is refused by name. */
    static Map<String, String> parameters(Context ctx, List<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        for (var entry : ctx.queryParamMap().entrySet()) {
            if (!known.contains(entry.getKey())) {
                throw ValidationException.of(
                        entry.getKey(),
                        "api.error.parameter_unknown",
                        Map.of("parameter", entry.getKey(), "known", String.join(", ", known)));
            }
            if (entry.getValue().size() != 1) {
                throw ValidationException.of(entry.getKey(), "api.error.parameter_twice");
            }
            String value = entry.getValue().get(0);
            if (!value.isBlank()) values.put(entry.getKey(), value.strip());
        }
        return values;
    }

    private String language(String code, boolean defaulted) {
        if (code == null) return defaulted ? site.defaultLanguage().code() : null;
        if (!site.publishesIn(code)) {
            throw ValidationException.of("language", "article.error.language_unknown", Map.of("language", code));
        }
        return code;
    }

    private static int limit(String value) {
        if (value == null) return DEFAULT_LIMIT;
        if (!value.matches("[0-9]{1,3}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MAX_LIMIT) {
            throw ValidationException.of("limit", "api.error.limit", Map.of("max", MAX_LIMIT));
        }
        return Integer.parseInt(value);
    }

    /** The start of a day (YYYY-MM-DD) in the site's time zone. */
    private Instant day(String value, String field) {
        try {
            return LocalDate.parse(value).atStartOfDay(site.timezone()).toInstant();
        } catch (DateTimeParseException e) {
            throw ValidationException.of(field, "api.error.date", Map.of("value", value));
        }
    }

    static String query(Map<String, String> values, List<String> order) {
        return order.stream()
                .filter(values::containsKey)
                .map(k -> k + "=" + URLEncoder.encode(values.get(k), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
