package org.wargeys.feed;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link Feed} as RSS 2.0 (dates in RFC 822, content in {@code content:encoded}) or Atom 1.0
 * (dates in RFC 3339), with the JDK's streaming XML writer so that every text is escaped. Stateless.
 */
public final class FeedXml {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private FeedXml() {}

    /** RFC 822 (as RSS uses it, with a four-digit year), always in GMT. */
    static String rfc822(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** RFC 3339, in UTC. */
    static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    public static String rss(Feed feed) {
        return write(x -> {
            x.writeStartElement("rss");
            x.writeAttribute("version", "2.0");
            x.writeNamespace("atom", ATOM);
            x.writeNamespace("content", CONTENT);
            x.writeNamespace("dc", DC);
            x.writeStartElement("channel");
            text(x, "title", feed.title());
            text(x, "link", feed.htmlUrl());
            text(x, "description", feed.description());
            text(x, "language", feed.language());
            text(x, "lastBuildDate", rfc822(feed.updated()));
            x.writeEmptyElement("atom", "link", ATOM);
            x.writeAttribute("href", feed.selfUrl());
            x.writeAttribute("rel", "self");
            x.writeAttribute("type", "application/rss+xml");
            for (Feed.Entry e : feed.entries()) {
                x.writeStartElement("item");
                text(x, "title", e.title());
                text(x, "link", e.url());
                x.writeStartElement("guid");
                x.writeAttribute("isPermaLink", "true");
                x.writeCharacters(e.url());
                x.writeEndElement();
                text(x, "pubDate", rfc822(e.published()));
                for (String author : e.authors()) {
                    x.writeStartElement("dc", "creator", DC);
                    x.writeCharacters(author);
                    x.writeEndElement();
                }
                for (String category : e.categories()) text(x, "category", category);
                text(x, "description", e.summary());
                if (e.contentHtml() != null) {
                    x.writeStartElement("content", "encoded", CONTENT);
                    x.writeCharacters(stripInvalid(e.contentHtml()));
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
        });
    }

    public static String atom(Feed feed) {
        return write(x -> {
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            x.writeNamespace("dc", DC);
            x.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", feed.language());
            text(x, "title", feed.title());
            // xml:lang is Atom's own way; many readers (ROME among them) look for Dublin Core's instead.
            x.writeStartElement("dc", "language", DC);
            x.writeCharacters(feed.language());
            x.writeEndElement();
            text(x, "subtitle", feed.description());
            text(x, "id", feed.selfUrl());
            link(x, "alternate", "text/html", feed.htmlUrl());
            link(x, "self", "application/atom+xml", feed.selfUrl());
            text(x, "updated", rfc3339(feed.updated()));
            x.writeStartElement("author");
            text(x, "name", feed.publisher());
            x.writeEndElement();
            for (Feed.Entry e : feed.entries()) {
                x.writeStartElement("entry");
                text(x, "title", e.title());
                text(x, "id", e.url());
                link(x, "alternate", "text/html", e.url());
                text(x, "published", rfc3339(e.published()));
                text(x, "updated", rfc3339(e.updated()));
                for (String author : e.authors()) {
                    x.writeStartElement("author");
                    text(x, "name", author);
                    x.writeEndElement();
                }
                for (String category : e.categories()) {
                    x.writeEmptyElement("category");
                    x.writeAttribute("term", category);
                }
                text(x, "summary", e.summary());
                if (e.contentHtml() != null) {
                    x.writeStartElement("content");
                    x.writeAttribute("type", "html");
                    x.writeCharacters(stripInvalid(e.contentHtml()));
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            x.writeEndElement();
        });
    }

    private interface Body {
        void write(XMLStreamWriter x) throws XMLStreamException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = FACTORY.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            out.write("\n");
            body.write(x);
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing a feed failed", e);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value == null ? "" : stripInvalid(value));
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String type, String href) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("type", type);
        x.writeAttribute("href", href);
    }

    // XML 1.0 cannot carry most control characters, escaped or not; an article may contain one.
    static String stripInvalid(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(out::appendCodePoint);
        return out.toString();
    }
}
