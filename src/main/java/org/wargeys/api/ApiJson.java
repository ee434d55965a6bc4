package org.wargeys.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleDetails;
import org.wargeys.article.ArticlePaths;
import org.wargeys.article.Correction;
import org.wargeys.media.Image;
import org.wargeys.platform.Site;

/**
 * The API's representations of articles, images and terms as JSON, with snake_case names, instants as
 * ISO-8601 UTC and absolute URLs. The same article is always the same bytes (fields in a fixed order),
 * so every node answers with the same ETag. Thread-safe.
 */
final class ApiJson {

    static final String TYPE = "application/json; charset=utf-8";

    private final ObjectMapper mapper = new ObjectMapper();
    private final Site site;
    private final ArticlePaths paths;

    ApiJson(Site site, ArticlePaths paths) {
        this.site = site;
        this.paths = paths;
    }

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    ArrayNode array() {
        return mapper.createArrayNode();
    }

    byte[] bytes(Object node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    ObjectMapper mapper() {
        return mapper;
    }

    static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    String url(Article article) {
        return site.absolute(encoded(paths.path(article)));
    }

    String apiUrl(String path) {
        return site.absolute(path);
    }

    /** What lists show of an article. */
    ObjectNode summary(ArticleDetails details) {
        Article a = details.article();
        ObjectNode node = object();
        node.put("id", a.id());
        node.put("language", a.language());
        node.put("headline", a.headline());
        node.put("standfirst", a.standfirst());
        node.put("url", url(a));
        node.put("api_url", apiUrl("/api/v1/articles/" + a.id()));
        node.put("published_at", instant(a.publishedAt()));
        node.put("updated_at", instant(a.updatedAt()));
        node.set(
                "section",
                details.section().map(s -> term(s.key(), s.name(), s.slug())).orElse(null));
        ArrayNode authors = node.putArray("bylines");
        details.authors().forEach(t -> authors.add(term(t.key(), t.name(), t.slug())));
        ArrayNode tags = node.putArray("tags");
        details.tags().forEach(t -> tags.add(term(t.key(), t.name(), t.slug())));
        return node;
    }

    /** One published article, whole. */
    ObjectNode article(ArticleDetails details, Image image, List<Correction> corrections, List<Article> translations) {
        Article a = details.article();
        ObjectNode node = summary(details);
        node.put("slug", a.slug());
        ObjectNode dateline = node.putObject("dateline");
        dateline.put("place", a.dateline().place());
        dateline.put("outlet", a.dateline().outlet());
        dateline.put("printed", a.dateline().printed());
        node.put("body_html", a.bodyHtml());
        node.put("seo_title", a.seoTitle());
        node.put("seo_description", a.seoDescription());
        node.put("revision", a.revision());
        node.set("featured_image", image == null ? null : image(image, a.language()));
        ArrayNode notes = node.putArray("corrections");
        for (Correction c : corrections) {
            ObjectNode note = notes.addObject();
            note.put("id", c.id());
            note.put("note", c.note());
            note.put("corrected_at", instant(c.correctedAt()));
        }
        ArrayNode links = node.putArray("translations");
        for (Article t : translations) {
            if (t.id() == a.id()) continue;
            ObjectNode link = links.addObject();
            link.put("id", t.id());
            link.put("language", t.language());
            link.put("headline", t.headline());
            link.put("url", url(t));
            link.put("api_url", apiUrl("/api/v1/articles/" + t.id()));
        }
        return node;
    }

    /** An image with every rendition, its texts in the language asked for. */
    ObjectNode image(Image image, String language) {
        ObjectNode node = object();
        node.put("id", image.id());
        node.put("content_type", image.contentType());
        node.put("width", image.width());
        node.put("height", image.height());
        Image.Text text = image.text(language);
        node.put("alt", text.alt());
        node.put("caption", text.caption());
        node.put("credit", image.credit());
        node.put("src", site.absolute(image.src()));
        ArrayNode renditions = node.putArray("renditions");
        for (int w : image.widths()) {
            ObjectNode r = renditions.addObject();
            r.put("width", w);
            r.put("height", Math.max(1, Math.round((float) image.height() * w / image.width())));
            r.put("url", site.absolute(image.path(w)));
        }
        return node;
    }

    ObjectNode term(String key, String name, String slug) {
        ObjectNode node = object();
        node.put("key", key);
        node.put("name", name);
        node.put("slug", slug);
        return node;
    }

    /** A path with slugs in other scripts percent-encoded, as a URL must be. */
    static String encoded(String path) {
        try {
            return new java.net.URI(null, null, path, null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            return path;
        }
    }
}
