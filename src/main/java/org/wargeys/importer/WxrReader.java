package org.wargeys.importer;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WordPress export (WXR 1.0–1.2) as a stream: the channel, authors, terms and items are
 * handed over one at a time, so memory stays flat whatever the file's size. Hardened against hostile
 * files: no DTD is processed (a DOCTYPE is refused outright), no external entity is ever resolved,
 * entity expansion is capped, and no single text may exceed {@link #MAX_TEXT} characters.
 * Not thread-safe; use one per file.
 */
final class WxrReader {

    /** The longest text one element may hold (a post body, a meta value). */
    static final int MAX_TEXT = 4_000_000;

    /** What the reader hands over, in file order. The channel comes before any author, term or item. */
    interface Listener {
        void channel(WxrChannel channel);

        void author(WxrAuthor author);

        void term(WxrTerm term);

        void item(WxrItem item);
    }

    private final XMLInputFactory factory;

    WxrReader() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        // Problems are reported by the exceptions the reader throws, never printed to the terminal.
        factory.setXMLReporter((message, type, info, location) -> {});

        optional(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        optional("http://javax.xml.XMLConstants/property/accessExternalSchema", "");
        optional("jdk.xml.entityExpansionLimit", "64");
        optional("jdk.xml.totalEntitySizeLimit", "100000");
    }

    private void optional(String property, Object value) {
        try {
            factory.setProperty(property, value);
        } catch (IllegalArgumentException notSupported) {
            // Another StAX implementation: the DTD ban above already keeps entities out.
        }
    }

    void read(InputStream in, Listener listener) {
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(in);
            new Parse(xml, listener).document();
        } catch (XMLStreamException e) {
            int line = e.getLocation() != null ? e.getLocation().getLineNumber() : (xml != null ? line(xml) : -1);
            throw new ImportException("The file is not a readable WordPress export: " + clean(e.getMessage()), line, e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // Closing after a failure: the first error is the one to report.
                }
            }
        }
    }

    private static int line(XMLStreamReader xml) {
        return xml.getLocation() == null ? -1 : xml.getLocation().getLineNumber();
    }

    /** The JDK prefixes its messages with "ParseError at [row,col]:..." and a newline; the line is reported apart. */
    private static String clean(String message) {
        if (message == null) return "unexpected end of file";
        int at = message.indexOf("Message: ");
        return at >= 0 ? message.substring(at + 9).strip() : message.strip();
    }

    /** One pass over one file. */
    private static final class Parse {
        private final XMLStreamReader xml;
        private final Listener listener;
        private final Map<String, String> channel = new HashMap<>();
        private boolean channelSent;
        private boolean sawRss;

        Parse(XMLStreamReader xml, Listener listener) {
            this.xml = xml;
            this.listener = listener;
        }

        void document() throws XMLStreamException {
            boolean sawChannelEnd = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new ImportException(
                            "A DOCTYPE declaration is not allowed in a WordPress export (entities are never expanded).",
                            line(xml));
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new ImportException("The entity '" + xml.getLocalName() + "' is not defined.", line(xml));
                }
                if (event == XMLStreamConstants.END_ELEMENT && "channel".equals(xml.getLocalName())) {
                    sawChannelEnd = true;
                }
                if (event != XMLStreamConstants.START_ELEMENT) continue;
                String name = name();
                switch (name) {
                    case "rss" -> sawRss = true;
                    case "channel" -> {}
                    case "item" -> {
                        sendChannel();
                        listener.item(item());
                    }
                    case "wp:author" -> {
                        sendChannel();
                        listener.author(author());
                    }
                    case "wp:category", "wp:tag", "wp:term" -> {
                        sendChannel();
                        listener.term(term(name));
                    }
                    case "title", "link", "language", "wp:wxr_version", "wp:base_site_url", "wp:base_blog_url" ->
                        channel.put(name, text());
                    default -> skip();
                }
            }
            if (!sawRss || !sawChannelEnd) {
                throw new ImportException("This is not a WordPress export (no <rss><channel> found).", line(xml));
            }
            sendChannel();
        }

        private void sendChannel() {
            if (channelSent) return;
            if (!sawRss)
                throw new ImportException("This is not a WordPress export (no <rss> root element).", line(xml));
            channelSent = true;
            listener.channel(new WxrChannel(
                    get(channel, "title"),
                    get(channel, "link"),
                    get(channel, "language"),
                    get(channel, "wp:wxr_version"),
                    get(channel, "wp:base_site_url"),
                    get(channel, "wp:base_blog_url")));
        }

        private WxrItem item() throws XMLStreamException {
            int line = line(xml);
            Map<String, String> fields = new HashMap<>();
            List<WxrItem.Term> terms = new ArrayList<>();
            Map<String, String> meta = new LinkedHashMap<>();
            while (nextChild()) {
                String name = name();
                switch (name) {
                    case "category" -> {
                        String domain = attr("domain");
                        String nicename = attr("nicename");
                        String text = text();
                        terms.add(new WxrItem.Term(
                                domain == null ? "category" : domain, nicename == null ? "" : nicename, text));
                    }
                    case "wp:postmeta" -> {
                        Map<String, String> pair = children();
                        String key = pair.get("wp:meta_key");
                        if (key != null) meta.put(key, get(pair, "wp:meta_value"));
                    }
                    case "wp:comment" -> skip();
                    default -> fields.put(name, text());
                }
            }
            return new WxrItem(
                    number(fields, "wp:post_id", line),
                    get(fields, "guid"),
                    get(fields, "title"),
                    get(fields, "link"),
                    get(fields, "dc:creator"),
                    get(fields, "content:encoded"),
                    get(fields, "excerpt:encoded"),
                    get(fields, "wp:post_date"),
                    get(fields, "wp:post_date_gmt"),
                    get(fields, "wp:post_modified"),
                    get(fields, "wp:post_modified_gmt"),
                    get(fields, "wp:post_name"),
                    get(fields, "wp:status"),
                    get(fields, "wp:post_type"),
                    number(fields, "wp:post_parent", line),
                    "1".equals(get(fields, "wp:is_sticky")),
                    get(fields, "wp:attachment_url"),
                    !get(fields, "wp:post_password").isEmpty(),
                    terms,
                    meta,
                    line);
        }

        private WxrAuthor author() throws XMLStreamException {
            Map<String, String> f = children();
            return new WxrAuthor(get(f, "wp:author_login"), get(f, "wp:author_display_name"));
        }

        private WxrTerm term(String element) throws XMLStreamException {
            int line = line(xml);
            Map<String, String> f = new HashMap<>();
            Map<String, String> meta = new LinkedHashMap<>();
            while (nextChild()) {
                String name = name();
                if (name.equals("wp:termmeta")) {
                    Map<String, String> pair = children();
                    String key = pair.get("wp:meta_key");
                    if (key != null) meta.put(key, get(pair, "wp:meta_value"));
                } else {
                    f.put(name, text());
                }
            }
            return switch (element) {
                case "wp:category" ->
                    new WxrTerm(
                            number(f, "wp:term_id", line),
                            "category",
                            get(f, "wp:category_nicename"),
                            get(f, "wp:cat_name"),
                            get(f, "wp:category_parent"),
                            get(f, "wp:category_description"),
                            meta);
                case "wp:tag" ->
                    new WxrTerm(
                            number(f, "wp:term_id", line),
                            "post_tag",
                            get(f, "wp:tag_slug"),
                            get(f, "wp:tag_name"),
                            "",
                            get(f, "wp:tag_description"),
                            meta);
                default ->
                    new WxrTerm(
                            number(f, "wp:term_id", line),
                            get(f, "wp:term_taxonomy"),
                            get(f, "wp:term_slug"),
                            get(f, "wp:term_name"),
                            get(f, "wp:term_parent"),
                            get(f, "wp:term_description"),
                            meta);
            };
        }

        /** The text children of the current element, by name (nested elements are skipped). */
        private Map<String, String> children() throws XMLStreamException {
            Map<String, String> values = new HashMap<>();
            while (nextChild()) {
                values.put(name(), text());
            }
            return values;
        }

        /** Moves to the next child element of the current one; false at the current one's end. */
        private boolean nextChild() throws XMLStreamException {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) return true;
                if (event == XMLStreamConstants.END_ELEMENT) return false;
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new ImportException("The entity '" + xml.getLocalName() + "' is not defined.", line(xml));
                }
            }
            throw new ImportException("The file ends in the middle of an element (truncated?).", line(xml));
        }

        /** The element's text (CDATA included); nested elements are skipped. Ends on its end tag. */
        private String text() throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            int depth = 1;
            while (xml.hasNext()) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (depth == 1) {
                            if (text.length() + xml.getTextLength() > MAX_TEXT) {
                                throw new ImportException(
                                        "An element holds more than " + MAX_TEXT + " characters.", line(xml));
                            }
                            text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                        }
                    }
                    case XMLStreamConstants.START_ELEMENT -> depth++;
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (--depth == 0) return text.toString();
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new ImportException("The entity '" + xml.getLocalName() + "' is not defined.", line(xml));
                    default -> {}
                }
            }
            throw new ImportException("The file ends in the middle of an element (truncated?).", line(xml));
        }

        private void skip() throws XMLStreamException {
            text();
        }

        private String name() {
            String prefix = xml.getPrefix();
            return prefix == null || prefix.isEmpty() ? xml.getLocalName() : prefix + ":" + xml.getLocalName();
        }

        private String attr(String name) {
            return xml.getAttributeValue(null, name);
        }

        private static String get(Map<String, String> fields, String name) {
            String value = fields.get(name);
            return value == null ? "" : value.strip();
        }

        private static long number(Map<String, String> fields, String name, int line) {
            String value = get(fields, name);
            if (value.isEmpty()) return 0;
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new ImportException("<" + name + "> is not a number: '" + value + "'.", line);
            }
        }
    }
}
