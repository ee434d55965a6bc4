package org.wargeys.platform;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes small XML documents (feeds, sitemaps) with the JDK's streaming writer, which escapes all
 * text; characters XML 1.0 cannot hold are dropped rather than written. Thread-safe.
 */
public final class XmlDocuments {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    /** The content of a document, written between its declaration and its end. */
    public interface Body {
        void write(XMLStreamWriter x) throws XMLStreamException;
    }

    private XmlDocuments() {}

    public static String write(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = FACTORY.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            out.write("\n");
            body.write(x);
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing an XML document failed", e);
        }
        return out.toString();
    }

    /** An element holding only text (empty for null). */
    public static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value == null ? "" : stripInvalid(value));
        x.writeEndElement();
    }

    /** The text without the code points XML 1.0 forbids (control characters, lone surrogates…). */
    public static String stripInvalid(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> c == 0x9
                        || c == 0xA
                        || c == 0xD
                        || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD)
                        || (c >= 0x10000 && c <= 0x10FFFF))
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
