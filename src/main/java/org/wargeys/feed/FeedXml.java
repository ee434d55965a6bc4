package org.wargeys.feed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.wargeys.platform.XmlDocuments;
import org.wargeys.web.Html;

/**
 * Writes a {@link Feed} as RSS 2.0 (dates in RFC 822, content in {@code content:encoded}) or Atom 1.0
 * (dates in RFC 3339), with the JDK's streaming XML writer so that every text is escaped. Stateless.
 */
public final class FeedXml {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DC = "http://purl.org/dc/elements/1.1/";

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
        return XmlDocuments.write(x -> {
            x.writeStartElement("rss");
            x.writeAttribute("version", "2.0");
            x.writeNamespace("atom", ATOM);
            x.writeNamespace("content", CONTENT);
            x.writeNamespace("dc", DC);
            x.writeStartElement("channel");
            XmlDocuments.text(x, "title", feed.title());
            XmlDocuments.text(x, "link", feed.htmlUrl());
            XmlDocuments.text(x, "description", feed.description());
            XmlDocuments.text(x, "language", feed.language());
            XmlDocuments.text(x, "lastBuildDate", rfc822(feed.updated()));
            x.writeEmptyElement("atom", "link", ATOM);
            x.writeAttribute("href", feed.selfUrl());
            x.writeAttribute("rel", "self");
            x.writeAttribute("type", "application/rss+xml");
            for (Feed.Entry e : feed.entries()) {
                x.writeStartElement("item");
                XmlDocuments.text(x, "title", e.title());
                XmlDocuments.text(x, "link", e.url());
                x.writeStartElement("guid");
                x.writeAttribute("isPermaLink", "true");
                x.writeCharacters(e.url());
                x.writeEndElement();
                XmlDocuments.text(x, "pubDate", rfc822(e.published()));
                for (String author : e.authors()) {
                    x.writeStartElement("dc", "creator", DC);
                    x.writeCharacters(author);
                    x.writeEndElement();
                }
                for (String category : e.categories()) XmlDocuments.text(x, "category", category);
                // RSS readers take an item's description as HTML: the plain-text summary is escaped as
                // HTML first (then as XML), so what an author typed is shown, never run as markup.
                XmlDocuments.text(x, "description", Html.escape(e.summary()));
                if (e.contentHtml() != null) {

                    x.writeStartElement("content", "encoded", CONTENT);
                    x.writeCharacters(XmlDocuments.stripInvalid(e.contentHtml()));
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
        });
    }

    public static String atom(Feed feed) {
        return XmlDocuments.write(x -> {
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            x.writeNamespace("dc", DC);
            x.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", feed.language());
            XmlDocuments.text(x, "title", feed.title());
            // xml:lang is Atom's own way; many readers (ROME among them) look for Dublin Core's instead.
            x.writeStartElement("dc", "language", DC);
            x.writeCharacters(feed.language());
            x.writeEndElement();
            XmlDocuments.text(x, "subtitle", feed.description());
            XmlDocuments.text(x, "id", feed.selfUrl());
            link(x, "alternate", "text/html", feed.htmlUrl());
            link(x, "self", "application/atom+xml", feed.selfUrl());
            XmlDocuments.text(x, "updated", rfc3339(feed.updated()));
            x.writeStartElement("author");
            XmlDocuments.text(x, "name", feed.publisher());
            x.writeEndElement();
            for (Feed.Entry e : feed.entries()) {
                x.writeStartElement("entry");
                XmlDocuments.text(x, "title", e.title());
                XmlDocuments.text(x, "id", e.url());
                link(x, "alternate", "text/html", e.url());
                XmlDocuments.text(x, "published", rfc3339(e.published()));
                XmlDocuments.text(x, "updated", rfc3339(e.updated()));
                for (String author : e.authors()) {
                    x.writeStartElement("author");
                    XmlDocuments.text(x, "name", author);
                    x.writeEndElement();
                }
                for (String category : e.categories()) {
                    x.writeEmptyElement("category");
                    x.writeAttribute("term", category);
                }
                XmlDocuments.text(x, "summary", e.summary());
                if (e.contentHtml() != null) {
                    x.writeStartElement("content");
                    x.writeAttribute("type", "html");
                    x.writeCharacters(XmlDocuments.stripInvalid(e.contentHtml()));
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            x.writeEndElement();
        });
    }

    private static void link(XMLStreamWriter x, String rel, String type, String href) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("type", type);
        x.writeAttribute("href", href);
    }

    // XML 1.0 cannot carry most control characters, escaped or not; an article may contain one.
}
