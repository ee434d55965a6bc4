package org.wargeys.search;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.wargeys.platform.Text;

/**
 * The shape of an article in the index: its fields and how each is indexed, the document written from
 * an {@link IndexedArticle}, and the {@link SearchHit} read back from a found one. Stateless and
 * thread-safe.
 */
final class ArticleDocument {

    /**
     * The shape of the documents. An index written with another shape (an older version of Wargeys)
     * is rebuilt on start like an incomplete one. 2: term vectors on headline and body. 3: the card.
     */
    static final String VERSION = "3";

    /**
     * What a related article's teaser needs, in doc values: reading it from the stored fields would
     * decompress the whole stored body of each article (a tenth of an uncached article page's time).
     */
    static final String CARD = "card";

    static final String ID = "id";
    /** The translation group: an article's translations are never related to it. */
    static final String GROUP = "group";

    static final String LANGUAGE = "language";
    /** The section key, for the search filter. */
    static final String SECTION = "section";
    /** The publication time in epoch milliseconds, for the date filter and the freshness boost. */
    static final String PUBLISHED = "published";

    /**
     * Body text: stored for snippets, with offsets in the postings so highlighting never re-analyses it,
     * and term vectors so related articles read an article's words instead of re-analysing its text.
     */
    private static final FieldType BODY = textType(true);
    /** Headline: stored for results, with term vectors for related articles. */
    private static final FieldType HEADLINE = textType(false);

    private ArticleDocument() {}

    static Term id(long articleId) {
        return new Term(ID, Long.toString(articleId));
    }

    static Document of(IndexedArticle a) {
        Document doc = new Document();
        String lang = a.language();
        doc.add(new StringField(ID, Long.toString(a.id()), Field.Store.YES));
        doc.add(new StringField(GROUP, Long.toString(a.translationGroupId()), Field.Store.YES));
        doc.add(new StringField(LANGUAGE, lang, Field.Store.YES));
        if (a.sectionKey() != null) doc.add(new StringField(SECTION, a.sectionKey(), Field.Store.NO));
        if (a.sectionName() != null) doc.add(new StoredField("section_name", a.sectionName()));
        for (String tag : a.tagKeys()) doc.add(new StringField("tag", tag, Field.Store.NO));
        long published = a.publishedAt().toEpochMilli();
        doc.add(new LongPoint(PUBLISHED, published));
        doc.add(new NumericDocValuesField(PUBLISHED, published));
        doc.add(new StoredField("published_at", published));
        doc.add(new StoredField("path", a.path()));
        doc.add(new StoredField("headline", a.headline()));
        doc.add(new StoredField("summary", summary(a)));
        doc.add(new Field(SearchAnalyzers.field("headline", lang), a.headline(), HEADLINE));
        doc.add(new TextField(SearchAnalyzers.field("standfirst", lang), a.standfirst(), Field.Store.NO));
        doc.add(new Field(SearchAnalyzers.field("body", lang), a.bodyText(), BODY));
        doc.add(new BinaryDocValuesField(CARD, card(a, published)));
        return doc;
    }

    /** An indexed article's card, read back: its group and language, and its teaser. */
    record Card(long group, String language, SearchHit hit) {}

    private static org.apache.lucene.util.BytesRef card(IndexedArticle a, long published) {
        var bytes = new ByteArrayOutputStream(256);
        try (var out = new DataOutputStream(bytes)) {
            out.writeLong(a.id());
            out.writeLong(a.translationGroupId());
            out.writeLong(published);
            for (String s : new String[] {a.language(), a.headline(), a.path(), summary(a), a.sectionName()}) {
                write(out, s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new org.apache.lucene.util.BytesRef(bytes.toByteArray());
    }

    static Card card(org.apache.lucene.util.BytesRef value) {
        try (var in = new DataInputStream(new java.io.ByteArrayInputStream(value.bytes, value.offset, value.length))) {
            long id = in.readLong();
            long group = in.readLong();
            long published = in.readLong();
            String language = read(in);
            String headline = read(in);
            String path = read(in);
            String summary = read(in);
            String section = read(in);
            return new Card(
                    group,
                    language,
                    new SearchHit(id, headline, path, escape(summary), section, Instant.ofEpochMilli(published)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Length-prefixed UTF-8, -1 for null: a headline may be longer than writeUTF's 64 KB limit allows.
    private static void write(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) return null;
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** The found article, with its snippet or, when {@code snippetHtml} is null, its summary as HTML. */
    static SearchHit hit(Document doc, String snippetHtml) {
        String section = doc.get("section_name");
        return new SearchHit(
                Long.parseLong(doc.get(ID)),
                doc.get("headline"),
                doc.get("path"),
                snippetHtml != null ? snippetHtml : escape(doc.get("summary")),
                section,
                Instant.ofEpochMilli(doc.getField("published_at").numericValue().longValue()));
    }

    private static FieldType textType(boolean offsets) {
        var type = new FieldType(TextField.TYPE_STORED);
        if (offsets) type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.setStoreTermVectors(true);
        type.freeze();
        return type;
    }

    private static String summary(IndexedArticle a) {
        String text = a.standfirst().isBlank() ? a.bodyText() : a.standfirst();
        return Text.shorten(text, 240);
    }

    private static String escape(String text) {
        if (text == null) return "";
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
