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
    private static final Pattern SHORTCODE = Pattern.compile("\\[(\\[?)(/?)([a-zA-Z][\\w-]*)((?:\\s[^\\]]*?)?)\\s*(/?)\\](\\]?)");
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"']+))");
    private static final Pattern PRE = Pattern.compile("<pre[\\s>].*?</pre>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_START = Pattern.compile(
            "^<(?:/?(?:p|div|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tr|td|th|blockquote|pre|figure|figcaption|hr|address|section|article|aside|header|footer|nav|form|iframe|object|style|script|hr|br)\\b|!--)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_URL_LINE = Pattern.compile("(?m)^\\s*(https?://[^\\s<>\"]+)\\s*$");
    private static final Pattern LEADING_MEDIA = Pattern.compile("^\\s*((?:<a\\b[^>]*>\\s*)?<img\\b[^>]*>(?:\\s*</a>)?)(.*)$", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
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
            boolean known = name.equals("caption") || name.equals("wp_caption") || name.equals("gallery") || name.equals("embed") || MEDIA.contains(name);
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
                    out.append("\n\n<!--wargeys-gallery parent=\"").append(postId).append("\" ids=\"")
                            .append(attrs.getOrDefault("ids", "").replaceAll("[^\\d,]", "")).append("\"-->\n\n");
                }
                case "embed" -> out.append("\n\n").append(link(inner.strip())).append("\n\n");
                default -> {
                    if (MEDIA.contains(name)) {
                        String src = firstUrl(attrs, inner);
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
        return "\n\n<figure class=\"" + cls + "\">" + media + (text.isEmpty() ? "" : "<figcaption>" + text + "</figcaption>") + "</figure>\n\n";
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

    /** Paragraphs from blank lines and line breaks from single newlines, as WordPress shows classic posts. */
    static String autop(String text) {
        List<String> pres = new ArrayList<>();
        Matcher pre = PRE.matcher(text);
        StringBuilder guarded = new StringBuilder();
        while (pre.find()) {
            pres.add(pre.group());
            pre.appendReplacement(guarded, "\n\n<!--wargeys-pre-" + (pres.size() - 1) + "-->\n\n");
        }
        pre.appendTail(guarded);
        StringBuilder out = new StringBuilder();
        for (String chunk : guarded.toString().split("\\n\\s*\\n")) {
            String c = chunk.strip();
            if (c.isEmpty()) continue;
            if (out.length() > 0) out.append('\n');
            if (BLOCK_START.matcher(c).find()) {
                out.append(c);
            } else {
                out.append("<p>").append(c.replace("\n", "<br>\n")).append("</p>");
            }
        }
        String result = out.toString();
        for (int i = 0; i < pres.size(); i++) {
            result = result.replace("<!--wargeys-pre-" + i + "-->", pres.get(i));
        }
        return result;
    }
}
