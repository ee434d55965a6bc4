package org.wargeys.importer;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.platform.Database;
import org.wargeys.platform.Dialect;

/**
 * The whole site's content as one JSON document, and back: sections, tags, authors (names only; no
 * account or password of any kind is part of it), translation groups, articles with their revisions,
 * tags and bylines, the import mapping, old addresses, share counts and media metadata. Rows keep
 * their ids, so a JSON export loaded into an empty site is the same site. Written and read as a
 * stream. Thread-safe.
 */
public final class SiteJson {

    static final String FORMAT = "wargeys-site";
    static final int VERSION = 1;

    /** The tables of a site's content, parents before children, each with the columns it is ordered by. */
    static final Map<String, String> TABLES = tables();

    private static Map<String, String> tables() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("sections", "id");
        t.put("section_names", "section_id, language");
        t.put("tags", "id");
        t.put("tag_names", "tag_id, language");
        t.put("authors", "id");
        t.put("author_names", "author_id, language");
        t.put("users", "id");
        t.put("translation_groups", "id");
        t.put("articles", "id");
        t.put("article_tags", "article_id, tag_id");
        t.put("article_authors", "article_id, author_id");
        t.put("article_revisions", "id");
        t.put("article_origins", "article_id");
        t.put("article_corrections", "id");
        t.put("share_counts", "article_id, network, day");
        t.put("site_settings", "key");
        t.put("media", "id");
        t.put("media_texts", "media_id, language");
        t.put("article_images", "article_id");
        t.put("imported_items", "source, source_id");
        t.put("imported_translation_groups", "source, group_key");
        t.put("redirects", "old_path");
        t.put("imported_share_counts", "article_id, network");
        t.put("media_files", "source, source_id");
        t.put("import_runs", "id");
        // Live coverage is published content; a source entry is older than its translations, so
        // ordering by id puts each before the entries that point at it.
        t.put("live_blogs", "translation_group_id");
        t.put("live_entries", "id");
        // The source each translation was made from, segment by segment: what tells a translator
        // what changed since.
        t.put("translation_segments", "article_id, position");
        return t;
    }

    private static final Set<String> WITH_IDENTITY = Set.of(
            "sections",
            "tags",
            "authors",
            "translation_groups",
            "articles",
            "article_revisions",
            "import_runs",
            "users",
            "article_corrections",
            "media",
            "live_entries");

    // Never exported: a copy of the site must not carry what lets someone sign in. Staff accounts
    // loaded from an export get an unusable password and must be given a new one.
    private static final Set<String> SECRET_COLUMNS = Set.of("password_hash");
    static final String NO_PASSWORD = "!no-password-after-import";

    // Not exported either: the link tables' copy of their article's language, status and publication
    // time (V0034), which the database's triggers derive again on import.
    private static final Set<String> DERIVED_COLUMNS = Set.of(
            "article_tags.language",
            "article_tags.status",
            "article_tags.published_at",
            "article_authors.language",
            "article_authors.status",
            "article_authors.published_at");

    private final Database database;
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final JsonFactory json = new JsonFactory();

    SiteJson(Database database) {
        this.database = database;
        this.jdbi = database.jdbi();
        this.dialect = database.dialect();
    }

    /** Writes the site as JSON; returns the number of rows written. */
    public long exportJson(OutputStream out) {
        // One snapshot, so the export is consistent while the site keeps serving and saving.
        return database.readSnapshot(h -> {
            long rows = 0;
            try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeStringField("format", FORMAT);
                g.writeNumberField("version", VERSION);
                g.writeObjectFieldStart("tables");
                for (var table : TABLES.entrySet()) {
                    g.writeArrayFieldStart(table.getKey());
                    rows += writeRows(h, g, table.getKey(), table.getValue());
                    g.writeEndArray();
                }
                g.writeEndObject();
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return rows;
        });
    }

    private static long writeRows(Handle h, JsonGenerator g, String table, String order) throws IOException {
        long[] count = {0};
        try (var rows = h.createQuery("SELECT * FROM " + table + " ORDER BY " + order)
                .setFetchSize(500)
                .map((rs, ctx) -> {
                    ResultSetMetaData meta = rs.getMetaData();
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        String column = meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
                        if (SECRET_COLUMNS.contains(column) || DERIVED_COLUMNS.contains(table + "." + column)) continue;
                        Object value = rs.getObject(i);
                        if (value instanceof Integer n) value = n.longValue();
                        row.put(column, value);
                    }
                    return row;
                })
                .iterator()) {
            while (rows.hasNext()) {
                Map<String, Object> row = rows.next();
                g.writeStartObject();
                for (var column : row.entrySet()) {
                    Object v = column.getValue();
                    if (v == null) g.writeNullField(column.getKey());
                    else if (v instanceof Number n) g.writeNumberField(column.getKey(), n.longValue());
                    else g.writeStringField(column.getKey(), v.toString());
                }
                g.writeEndObject();
                count[0]++;
            }
        }
        return count[0];
    }

    /**
     * Loads a JSON export into this site, which must have no articles yet. One transaction: a bad
     * file leaves the site as it was.
     *
     * @throws ImportException when the file is not a readable export or the site is not empty
     */
    public long importJson(InputStream in) {
        return jdbi.inTransaction(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM articles")
                            .mapTo(Integer.class)
                            .one()
                    > 0) {
                throw new ImportException(
                        "A JSON export can only be loaded into an empty site; this one has articles.", -1);
            }
            long rows = 0;
            try (JsonParser p = json.createParser(in)) {
                expect(p, p.nextToken() == JsonToken.START_OBJECT, "an export starts with '{'");
                boolean formatSeen = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    switch (field) {
                        case "format" -> {
                            expect(p, FORMAT.equals(p.getValueAsString()), "this is not a Wargeys site export");
                            formatSeen = true;
                        }
                        case "version" ->
                            expect(
                                    p,
                                    p.getIntValue() == VERSION,
                                    "export version " + p.getText() + " is not supported");
                        case "tables" -> {
                            expect(p, formatSeen, "the format must be named before the tables");
                            rows += readTables(h, p);
                        }
                        default -> p.skipChildren();
                    }
                }
                expect(p, formatSeen, "this is not a Wargeys site export");
            } catch (JsonParseException e) {
                throw new ImportException(
                        "The file is not valid JSON: " + e.getOriginalMessage(),
                        e.getLocation().getLineNr(),
                        e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Every loaded article in the journal: a search index that exists already catches up with them.
            h.execute("INSERT INTO article_changes (article_id, changed_at) SELECT id, updated_at FROM articles");
            if (dialect == Dialect.POSTGRESQL) {
                for (String table : WITH_IDENTITY) {

                    h.execute("SELECT setval(pg_get_serial_sequence('" + table
                            + "', 'id'), COALESCE((SELECT MAX(id) FROM " + table + "), 0) + 1, false)");
                }
            }
            return rows;
        });
    }

    private static long readTables(Handle h, JsonParser p) throws IOException {
        expect(p, p.currentToken() == JsonToken.START_OBJECT, "'tables' is an object");
        long rows = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String table = p.currentName();
            expect(p, TABLES.containsKey(table), "unknown table '" + table + "'");
            Set<String> columns = columns(h, table);
            expect(p, p.nextToken() == JsonToken.START_ARRAY, "table '" + table + "' is an array");
            while (p.nextToken() == JsonToken.START_OBJECT) {
                List<String> names = new ArrayList<>();
                List<Object> values = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String column = p.currentName();
                    expect(p, columns.contains(column), "table '" + table + "' has no column '" + column + "'");
                    JsonToken value = p.nextToken();
                    names.add(column);
                    values.add(
                            switch (value) {
                                case VALUE_NULL -> null;
                                case VALUE_NUMBER_INT -> p.getLongValue();
                                case VALUE_STRING -> p.getText();
                                default ->
                                    throw new ImportException(
                                            "Column '" + column + "' of '" + table
                                                    + "' holds neither text nor a whole number.",
                                            p.currentLocation().getLineNr());
                            });
                }
                if (table.equals("users") && !names.contains("password_hash")) {
                    names.add("password_hash");
                    values.add(NO_PASSWORD);
                }
                var insert = h.createUpdate("INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                        + String.join(", ", names.stream().map(n -> ":" + n).toList()) + ")");
                for (int i = 0; i < names.size(); i++)
                    insert.bindByType(
                            names.get(i),
                            values.get(i),
                            values.get(i) == null ? Object.class : values.get(i).getClass());
                insert.execute();
                rows++;
            }
        }
        return rows;
    }

    private static Set<String> columns(Handle h, String table) {
        return h.createQuery("SELECT * FROM " + table + " WHERE 1 = 0").scanResultSet((supplier, ctx) -> {
            var meta = supplier.get().getMetaData();
            Set<String> names = new java.util.HashSet<>();
            for (int i = 1; i <= meta.getColumnCount(); i++)
                names.add(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
            return names;
        });
    }

    private static void expect(JsonParser p, boolean condition, String what) {
        if (!condition)
            throw new ImportException(
                    "Not a usable export: " + what + ".", p.currentLocation().getLineNr());
    }
}
