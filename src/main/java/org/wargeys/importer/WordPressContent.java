package org.wargeys.importer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.wargeys.web.Html;

/**
 * Turns a WordPress post body into the HTML an article stores: block-editor comments removed,
 * paragraphs made from blank lines (as WordPress's {@code wpautop} does), {@code [caption]} into a
 * figure, {@code [embed]} and media shortcodes into plain links (no third-party frames on public pages),
 * {@code [gallery]} into a marker resolved once every attachment is known, unknown shortcodes dropped
 * (their inner text kept) and named in the report, and {@code <!--more-->} splitting off the teaser.
 * The result is sanitized later by the one HTML policy. Thread-safe.
 */
final class WordPressContent {

    /**
     * The cleaned body; the teaser before {@code <!--more-->} and the body after it (null if there is
     * no such mark); the shortcodes dropped; whether a gallery waits to be resolved.
     */
    record Cleaned(String body, String teaser, String afterTeaser, Set<String> droppedShortcodes, boolean hasGallery) {}

    /** Where a gallery stands in a stored body until the attachments are known. */
    static final Pattern GALLERY_MARK = Pattern.compile("<!--wargeys-gallery parent=\"(\\d+)\" ids=\"([\\d,]*)\"-->");

    private static final Pattern BLOCK_COMMENT = Pattern.compile("<!--\\s*/?wp:.*?-->", Pattern.DOTALL);
    private static final Pattern MORE = Pattern.compile("<!--more(.*?)-->", Pattern.DOTALL);
    private static final Pattern NEXTPAGE = Pattern.compile("<!--nextpage-->");
    private static final Pattern SHORTCODE =
            Pattern.compile("\\[(\\[?)(/?)([a-zA-Z][\\w-]*)((?:\\s[^\\]]*?)?)\\s*(/?)\\](\\]?)");
    private static final Pattern ATTRIBUTE =
            Pattern.compile("([\\w-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"']+))");
    private static final Pattern BARE_URL_LINE = Pattern.compile("(?m)^\\s*(https?://[^\\s<>\"]+)\\s*$");
    private static final Pattern LEADING_MEDIA = Pattern.compile(
            "^\\s*((?:<a\\b[^>]*>\\s*)?<img\\b[^>]*>(?:\\s*</a>)?)(.*)$", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Set<String> MEDIA = Set.of("audio", "video", "playlist");

    Cleaned clean(String raw, long postId) {
        String text = raw == null ? "" : raw.replace("\r\n", "\n").replace('\r', '\n');
        text = BLOCK_COMMENT.matcher(text).replaceAll("");
        text = NEXTPAGE.matcher(text).replaceAll("");
        Set<String> dropped = new LinkedHashSet<>();
        boolean[] gallery = {false};
        text = shortcodes(text, postId, dropped, gallery);
        text = BARE_URL_LINE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(link(m.group(1))));
        String teaser = null;
        String after = null;
        Matcher more = MORE.matcher(text);
        if (more.find()) {
            teaser = autop(text.substring(0, more.start()));
            after = autop(text.substring(more.end()));
            text = text.substring(0, more.start()) + "\n\n" + text.substring(more.end());
        }
        return new Cleaned(autop(text), teaser, after, dropped, gallery[0]);
    }

    /** The plain text of some HTML (an excerpt, a teaser), whitespace collapsed. */
    static String plainText(String html) {
        return html == null ? "" : Jsoup.parse(html).text().strip();
    }

    private String shortcodes(String text, long postId, Set<String> dropped, boolean[] gallery) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        Matcher m = SHORTCODE.matcher(text);
        while (m.find(at)) {
            out.append(text, at, m.start());
            at = m.end();
            String name = m.group(3).toLowerCase(Locale.ROOT);
            if (!m.group(1).isEmpty() && !m.group(6).isEmpty()) {
                out.append(m.group().substring(1, m.group().length() - 1)); // [[escaped]] stays as text
                continue;
            }
            boolean closing = !m.group(2).isEmpty();
            Map<String, String> attrs = attributes(m.group(4));
            String closeTag = "[/" + m.group(3) + "]";
            int close = closing || !m.group(5).isEmpty() ? -1 : text.indexOf(closeTag, m.end());
            boolean known = name.equals("caption")
                    || name.equals("wp_caption")
                    || name.equals("gallery")
                    || name.equals("embed")
                    || MEDIA.contains(name);
            if (!known && !closing && close < 0 && attrs.isEmpty()) {
                out.append(m.group()); // "[sic]" in prose is not a shortcode
                continue;
            }
            String inner = close >= 0 ? text.substring(m.end(), close) : "";
            if (close >= 0) at = close + closeTag.length();
            if (closing) {
                if (!known) dropped.add(name);
                continue;
            }
            switch (name) {
                case "caption", "wp_caption" -> out.append(caption(shortcodes(inner, postId, dropped, gallery), attrs));
                case "gallery" -> {
                    gallery[0] = true;
                    out.append("\n\n<!--wargeys-gallery parent=\"")
                            .append(postId)
                            .append("\" ids=\"")
                            .append(attrs.getOrDefault("ids", "").replaceAll("[^\\d,]", ""))
                            .append("\"-->\n\n");
                }
                case "embed" -> out.append("\n\n").append(link(inner.strip())).append("\n\n");
                default -> {
                    if (MEDIA.contains(name)) {
                        String src = firstUrl(attrs, inner);
                        String positional = m.group(4).strip();
                        if (src == null && positional.matches("https?://[^\\s\"']+")) src = positional;
                        if (src != null) out.append("\n\n").append(link(src)).append("\n\n");
                        else dropped.add(name);
                    } else {
                        dropped.add(name);
                        out.append(shortcodes(inner, postId, dropped, gallery));
                    }
                }
            }
        }
        out.append(text.substring(at));
        return out.toString();
    }

    private static String firstUrl(Map<String, String> attrs, String inner) {
        for (String key : List.of("src", "mp3", "m4a", "ogg", "wav", "mp4", "webm", "ogv", "url")) {
            String value = attrs.get(key);
            if (value != null && value.startsWith("http")) return value;
        }
        String text = inner.strip();
        return text.startsWith("http") ? text : null;
    }

    private static String caption(String inner, Map<String, String> attrs) {
        String media = inner.strip();
        String text = attrs.getOrDefault("caption", "");
        Matcher m = LEADING_MEDIA.matcher(media);
        if (m.matches()) {
            media = m.group(1);
            text = text.isEmpty() ? m.group(2).strip() : text;
        }
        String align = attrs.getOrDefault("align", "");
        String cls = align.matches("align(left|right|center)") ? "caption " + align : "caption";
        return "\n\n<figure class=\"" + cls + "\">" + media
                + (text.isEmpty() ? "" : "<figcaption>" + text + "</figcaption>") + "</figure>\n\n";
    }

    private static String link(String url) {
        if (!url.matches("https?://[^\\s<>\"]+")) return Html.escape(url);
        String escaped = Html.escape(url);
        return "<p><a href=\"" + escaped + "\">" + escaped + "</a></p>";
    }

    static Map<String, String> attributes(String text) {
        Map<String, String> attrs = new TreeMap<>();
        Matcher m = ATTRIBUTE.matcher(text == null ? "" : text);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            attrs.put(m.group(1).toLowerCase(Locale.ROOT), value);
        }
        return attrs;
    }

    /**
     * Paragraphs from blank lines and line breaks from single newlines between the top-level block
     * elements, as WordPress shows classic posts; block elements are kept as they are. Headings are
     * renumbered so that the body's outline starts at h2 (the headline is the page's h1) and never
     * skips a level.
     */
    static String autop(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        renumberHeadings(doc.body());
        renderedCaptions(doc.body());
        StringBuilder out = new StringBuilder();
        StringBuilder paragraph = new StringBuilder();
        for (Node node : new ArrayList<>(doc.body().childNodes())) {
            if (node instanceof Element el && el.isBlock() || node instanceof Comment) {
                flush(paragraph, out);
                append(out, node.outerHtml());
            } else if (node instanceof TextNode text) {
                String[] parts = text.getWholeText().split("\\n\\s*\\n", -1);
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) flush(paragraph, out);
                    paragraph.append(Entities.escape(parts[i]).replaceAll("\\n(?=.)", "<br>\n"));
                }
            } else {
                paragraph.append(node.outerHtml());
            }
        }
        flush(paragraph, out);
        return out.toString();
    }

    private static void flush(StringBuilder paragraph, StringBuilder out) {
        String p = paragraph.toString().strip();
        while (p.startsWith("<br>")) p = p.substring(4).strip();
        while (p.endsWith("<br>")) p = p.substring(0, p.length() - 4).strip();
        paragraph.setLength(0);
        if (!p.isEmpty()) append(out, "<p>" + p + "</p>");
    }

    private static void append(StringBuilder out, String block) {
        if (block.isBlank()) return;
        if (out.length() > 0) out.append('\n');
        out.append(block.strip());
    }

    /** WordPress.com exports captions already rendered as {@code <dl class="wp-caption">}: make them figures. */
    private static void renderedCaptions(Element body) {
        for (Element dl : body.select("dl.wp-caption")) {
            Element media = dl.selectFirst("dt a:has(img), dt img");
            if (media == null) {
                dl.remove();
                continue;
            }
            Element figure = new Element("figure").addClass("caption");
            figure.appendChild(media.clone());
            Element dd = dl.selectFirst("dd");
            if (dd != null && !dd.text().isBlank())
                figure.appendElement("figcaption").html(dd.html());
            dl.replaceWith(figure);
        }
    }

    private static void renumberHeadings(Element body) {
        int previous = 1;
        for (Element heading : body.select("h1, h2, h3, h4, h5, h6")) {
            int level = heading.tagName().charAt(1) - '0';
            int fixed = Math.max(2, Math.min(level, previous + 1));
            if (fixed != level) heading.tagName("h" + fixed);
            previous = fixed;
        }
    }

    /** A body whose images on other hosts became links, and those images' addresses. */
    record Linked(String body, List<String> urls) {}

    /**
     * Replaces each image whose address is on another host by a link to it (its alternative text, or
     * its file name, as the link's text). Bodies without such images are returned as they are.
     */
    static Linked externalImagesAsLinks(String body) {
        if (!body.contains("<img")) return new Linked(body, List.of());
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(body);
        doc.outputSettings().prettyPrint(false);
        List<String> urls = new java.util.ArrayList<>();
        for (org.jsoup.nodes.Element img : doc.select("img[src]")) {
            String src = img.attr("src").strip();
            if (!src.startsWith("http://") && !src.startsWith("https://") && !src.startsWith("//")) continue;
            String text = img.attr("alt").isBlank() ? WordPressValues.fileName(src) : img.attr("alt");
            org.jsoup.nodes.Element link =
                    new org.jsoup.nodes.Element("a").attr("href", src).text(text);
            // A link around the image already: keep that link, put the text in it.
            if (img.parent() != null && img.parent().is("a")) img.replaceWith(new org.jsoup.nodes.TextNode(text));
            else img.replaceWith(link);
            urls.add(src);
        }
        return urls.isEmpty()
                ? new Linked(body, List.of())
                : new Linked(doc.body().html(), List.copyOf(urls));
    }
}
