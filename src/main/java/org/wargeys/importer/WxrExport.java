package org.wargeys.importer;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jdbi.v3.core.Handle;
import org.wargeys.media.Image;
import org.wargeys.media.MediaService;
import org.wargeys.platform.Database;
import org.wargeys.platform.Site;

/**
 * The site as a WordPress export (WXR 1.2), for moving to WordPress or for another tool that reads
 * WXR: articles as posts with their rendered HTML, sections as categories, tags, authors (names
 * only), Polylang language and translation terms, pinned articles as sticky posts, and Social Snap
 * share-count meta. Written as a stream. Thread-safe.
 */
public final class WxrExport {

    private static final String WP = "http://wordpress.org/export/1.2/";
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final Database database;
    private final Site site;
    private final MediaService media;

    WxrExport(Database database, Site site, MediaService media) {
        this.media = media;
        this.database = database;
        this.site = site;
    }

    /** Writes the export; returns the number of articles written. */
    public long write(OutputStream out) {
        // One snapshot, so the export is consistent while the site keeps serving and saving.
        return database.readSnapshot(h -> {
            try {
                XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                x.writeStartDocument("UTF-8", "1.0");
                x.writeStartElement("rss");
                x.writeAttribute("version", "2.0");
                x.writeNamespace("excerpt", "http://wordpress.org/export/1.2/excerpt/");
                x.writeNamespace("content", "http://purl.org/rss/1.0/modules/content/");
                x.writeNamespace("dc", "http://purl.org/dc/elements/1.1/");
                x.writeNamespace("wp", WP);
                x.writeStartElement("channel");
                text(x, "title", site.name());
                text(x, "link", site.baseUrl());
                text(x, "language", site.defaultLanguage().code());
                text(x, "wp:wxr_version", "1.2");
                text(x, "wp:base_site_url", site.baseUrl());
                text(x, "wp:base_blog_url", site.baseUrl());
                for (var row : h.createQuery("SELECT key, name FROM authors ORDER BY id")
                        .mapToMap()
                        .list()) {
                    x.writeStartElement("wp:author");
                    text(x, "wp:author_login", (String) row.get("key"));
                    cdata(x, "wp:author_display_name", (String) row.get("name"));
                    x.writeEndElement();
                }
                terms(
                        h,
                        x,
                        "sections",
                        "section_names",
                        "section_id",
                        "wp:category",
                        "wp:category_nicename",
                        "wp:cat_name");
                terms(h, x, "tags", "tag_names", "tag_id", "wp:tag", "wp:tag_slug", "wp:tag_name");
                for (var language : site.languages()) {
                    x.writeStartElement("wp:term");
                    text(x, "wp:term_taxonomy", "language");
                    text(x, "wp:term_slug", language.code());
                    cdata(x, "wp:term_name", language.nativeName());
                    x.writeEndElement();
                }
                for (long group : h.createQuery(
                                "SELECT translation_group_id FROM articles GROUP BY translation_group_id HAVING COUNT(*) > 1 ORDER BY 1")
                        .mapTo(Long.class)
                        .list()) {
                    Map<String, Long> members = new LinkedHashMap<>();
                    h.createQuery("SELECT language, id FROM articles WHERE translation_group_id = :g ORDER BY id")
                            .bind("g", group)
                            .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                            .forEach(e -> members.put(e.getKey(), e.getValue()));
                    x.writeStartElement("wp:term");
                    text(x, "wp:term_taxonomy", "post_translations");
                    text(x, "wp:term_slug", "pll_group_" + group);
                    text(x, "wp:term_name", "pll_group_" + group);
                    StringBuilder php = new StringBuilder("a:" + members.size() + ":{");
                    members.forEach((lang, id) -> php.append("s:")
                            .append(lang.length())
                            .append(":\"")
                            .append(lang)
                            .append("\";i:")
                            .append(id)
                            .append(';'));
                    cdata(x, "wp:term_description", php.append('}').toString());
                    x.writeEndElement();
                }
                // Attachments need post ids of their own: after the highest article id.
                long attachmentBase = h.createQuery("SELECT COALESCE(MAX(id), 0) FROM articles")
                        .mapTo(Long.class)
                        .one();
                long count = items(h, x, attachmentBase);
                attachments(h, x, attachmentBase);
                x.writeEndElement();
                x.writeEndElement();
                x.writeEndDocument();
                x.flush();
                x.close();
                return count;
            } catch (XMLStreamException e) {
                throw new IllegalStateException("Writing the export failed", e);
            }
        });
    }

    private void terms(
            Handle h,
            XMLStreamWriter x,
            String table,
            String names,
            String fk,
            String element,
            String slugElement,
            String nameElement)
            throws XMLStreamException {
        String lang = site.defaultLanguage().code();
        for (var row : h.createQuery("SELECT t.id, t.key, n.name FROM " + table + " t LEFT JOIN " + names + " n ON n."
                        + fk + " = t.id AND n.language = :l ORDER BY t.id")
                .bind("l", lang)
                .mapToMap()
                .list()) {
            x.writeStartElement(element);
            text(x, "wp:term_id", row.get("id").toString());
            cdata(x, slugElement, (String) row.get("key"));
            cdata(x, nameElement, row.get("name") != null ? (String) row.get("name") : (String) row.get("key"));
            x.writeEndElement();
        }
    }

    /**
     * Every image of the media library as a WordPress attachment: its largest rendition's absolute
     * address (WordPress's importer downloads it from there), alt text and caption in the site's
     * default language (else any), and credit as the description.
     */
    private void attachments(Handle h, XMLStreamWriter x, long attachmentBase) throws XMLStreamException {
        String language = site.defaultLanguage().code();
        for (long id : h.createQuery("SELECT id FROM media ORDER BY id")
                .mapTo(Long.class)
                .list()) {
            Image image = media.find(id).orElse(null);
            if (image == null) continue;
            Image.Text text = image.text(language);
            x.writeStartElement("item");
            cdata(x, "title", text.alt().isEmpty() ? "image-" + id : text.alt());
            cdata(x, "content:encoded", image.credit() == null ? "" : image.credit());
            cdata(x, "excerpt:encoded", text.caption() == null ? "" : text.caption());
            text(x, "wp:post_id", Long.toString(attachmentBase + id));
            cdata(x, "wp:post_name", "image-" + id);
            text(x, "wp:status", "inherit");
            text(x, "wp:post_parent", "0");
            text(x, "wp:post_type", "attachment");
            text(x, "wp:attachment_url", site.absolute(image.src()));
            if (!text.alt().isEmpty()) meta(x, "_wp_attachment_image_alt", text.alt());
            x.writeEndElement();
        }
    }

    private static void meta(XMLStreamWriter x, String key, String value) throws XMLStreamException {
        x.writeStartElement("wp:postmeta");
        cdata(x, "wp:meta_key", key);
        cdata(x, "wp:meta_value", value);
        x.writeEndElement();
    }

    private long items(Handle h, XMLStreamWriter x, long attachmentBase) throws XMLStreamException {
        long count = 0;
        try (var rows = h.createQuery("""
                        SELECT a.id, a.translation_group_id, a.language, a.slug, a.headline, a.standfirst, a.body_html, a.status,
                            a.created_at, a.updated_at, a.published_at, a.scheduled_at, a.pinned, s.key AS section_key, sn.name AS section_name,
                            (SELECT COUNT(*) FROM articles o WHERE o.translation_group_id = a.translation_group_id) AS group_size
                        FROM articles a LEFT JOIN sections s ON s.id = a.section_id
                        LEFT JOIN section_names sn ON sn.section_id = s.id AND sn.language = a.language
                        ORDER BY a.id""").setFetchSize(200).mapToMap().iterator()) {
            while (rows.hasNext()) {
                Map<String, Object> a = rows.next();
                item(h, x, a, attachmentBase);
                count++;
            }
        }
        return count;
    }

    private void item(Handle h, XMLStreamWriter x, Map<String, Object> a, long attachmentBase)
            throws XMLStreamException {
        long id = ((Number) a.get("id")).longValue();
        String language = (String) a.get("language");
        Instant date = instant(
                a.get("published_at") != null
                        ? a.get("published_at")
                        : a.get("scheduled_at") != null ? a.get("scheduled_at") : a.get("created_at"));
        Instant modified = instant(a.get("updated_at"));
        x.writeStartElement("item");
        cdata(x, "title", (String) a.get("headline"));
        List<String> authors = h.createQuery(
                        "SELECT au.key FROM article_authors l JOIN authors au ON au.id = l.author_id WHERE l.article_id = :a ORDER BY l.position")
                .bind("a", id)
                .mapTo(String.class)
                .list();
        cdata(x, "dc:creator", authors.isEmpty() ? "" : authors.get(0));
        x.writeStartElement("guid");
        x.writeAttribute("isPermaLink", "false");
        x.writeCharacters(site.absolute("/?article=" + id));
        x.writeEndElement();
        cdata(x, "content:encoded", (String) a.get("body_html"));
        cdata(x, "excerpt:encoded", a.get("standfirst") == null ? "" : (String) a.get("standfirst"));
        text(x, "wp:post_id", Long.toString(id));
        text(x, "wp:post_date", WP_DATE.format(date.atZone(site.timezone())));
        text(x, "wp:post_date_gmt", WP_DATE.format(date.atOffset(ZoneOffset.UTC)));
        text(x, "wp:post_modified", WP_DATE.format(modified.atZone(site.timezone())));
        text(x, "wp:post_modified_gmt", WP_DATE.format(modified.atOffset(ZoneOffset.UTC)));
        cdata(x, "wp:post_name", (String) a.get("slug"));
        text(
                x,
                "wp:status",
                switch ((String) a.get("status")) {
                    case "published" -> "publish";
                    case "scheduled" -> "future";
                    case "in_review" -> "pending";
                    case "unpublished" -> "private";
                    default -> "draft";
                });
        text(x, "wp:post_parent", "0");
        text(x, "wp:post_type", "post");
        // WordPress's sticky posts are what pinned articles are: kept at the top of the home page.
        text(x, "wp:is_sticky", ((Number) a.get("pinned")).intValue() == 1 ? "1" : "0");
        if (a.get("section_key") != null) {
            term(
                    x,
                    "category",
                    (String) a.get("section_key"),
                    a.get("section_name") != null ? (String) a.get("section_name") : (String) a.get("section_key"));
        }
        for (var tag : h.createQuery(
                        "SELECT t.key, COALESCE(n.name, t.key) AS name FROM article_tags l JOIN tags t ON t.id = l.tag_id "
                                + "LEFT JOIN tag_names n ON n.tag_id = t.id AND n.language = :lang WHERE l.article_id = :a ORDER BY l.position")
                .bind("a", id)
                .bind("lang", language)
                .mapToMap()
                .list()) {
            term(x, "post_tag", (String) tag.get("key"), (String) tag.get("name"));
        }
        term(
                x,
                "language",
                language,
                site.language(language).map(l -> l.nativeName()).orElse(language));
        if (((Number) a.get("group_size")).longValue() > 1) {
            String group = "pll_group_" + a.get("translation_group_id");
            term(x, "post_translations", group, group);
        }
        // Social Snap's counters carry the whole total: shares brought from WordPress plus those counted here.
        List<Map.Entry<String, Long>> shares = new ArrayList<>();
        h.createQuery("""
                        SELECT network, SUM(n) FROM (
                            SELECT network, count AS n FROM imported_share_counts WHERE article_id = :a
                            UNION ALL SELECT network, shares AS n FROM share_counts WHERE article_id = :a) s
                        GROUP BY network ORDER BY network""")
                .bind("a", id)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(shares::add);
        for (var share : shares)
            meta(
                    x,
                    "ss_ss_click_share_count_" + share.getKey(),
                    share.getValue().toString());
        var featured = h.createQuery("SELECT media_id FROM article_images WHERE article_id = :a")
                .bind("a", id)
                .mapTo(Long.class)
                .findOne();
        if (featured.isPresent()) meta(x, "_thumbnail_id", Long.toString(attachmentBase + featured.get()));
        x.writeEndElement();
    }

    private static Instant instant(Object epochMillis) {
        return Instant.ofEpochMilli(((Number) epochMillis).longValue());
    }

    private static void term(XMLStreamWriter x, String domain, String nicename, String name) throws XMLStreamException {
        x.writeStartElement("category");
        x.writeAttribute("domain", domain);
        x.writeAttribute("nicename", nicename);
        writeCdata(x, name);
        x.writeEndElement();
    }

    private static void text(XMLStreamWriter x, String element, String value) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeCharacters(value == null ? "" : value);
        x.writeEndElement();
    }

    private static void cdata(XMLStreamWriter x, String element, String value) throws XMLStreamException {
        x.writeStartElement(element);
        writeCdata(x, value == null ? "" : value);
        x.writeEndElement();
    }

    /** "]]>" cannot stand inside one CDATA section: the text is split into two sections there. */
    private static void writeCdata(XMLStreamWriter x, String value) throws XMLStreamException {
        int from = 0;
        for (int at = value.indexOf("]]>"); at >= 0; at = value.indexOf("]]>", at + 3)) {
            x.writeCData(value.substring(from, at + 2));
            from = at + 2;
        }
        x.writeCData(value.substring(from));
    }
}
