package org.wargeys.backup;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.wargeys.platform.Database;
import org.wargeys.platform.FileStore;

/**
 * Writes a backup archive (a ZIP): every table of the site as JSON lines read in one consistent
 * snapshot, the media files, and last a manifest with each entry's size, row count and SHA-256.
 * The snapshot does not hold writers up, so it runs while the site serves. Stateless.
 */
final class BackupWriter {

    static final String FORMAT = "wargeys-backup";
    static final int VERSION = 1;
    static final String MANIFEST = "manifest.json";
    /** The media files' folder in the store and in the archive. */
    static final String MEDIA = "media/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = new JsonFactory();

    private BackupWriter() {}

    /** What was written: rows and files. */
    record Written(long rows, int tables, int files, long bytes) {}

    static Written write(Database database, String schemaVersion, FileStore files, OutputStream target, Instant now)
            throws IOException {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.put("version", VERSION);
        manifest.put("created_at", now.toString());
        manifest.put("database", database.dialect().name().toLowerCase(java.util.Locale.ROOT));
        manifest.put("schema_version", schemaVersion);
        ArrayNode entries = manifest.putArray("entries");
        long[] totals = new long[3]; // rows, tables, bytes
        try (ZipOutputStream zip = new ZipOutputStream(target)) {
            database.readSnapshot(h -> {
                try {
                    Connection connection = h.getConnection();
                    for (String table : Tables.inOrder(connection)) {
                        long rows = writeTable(connection, table, zip, entries);
                        totals[0] += rows;
                        totals[1]++;
                    }
                    return null;
                } catch (SQLException e) {
                    throw new IllegalStateException("Reading the database for the backup failed", e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            // Media after the snapshot: every file a row of the snapshot names was written before
            // that row committed, so it is here; a newer file is harmless extra.
            int count = 0;
            for (FileStore.Entry file : files.list(MEDIA)) {
                String name = file.key();
                if (name.endsWith(".tmp")) continue;
                // Gone since it was listed (a rolled-back upload's file): no row names it.
                var stream = files.stream(name);
                if (stream.isEmpty()) continue;
                try (InputStream in = stream.get()) {
                    Counted out = begin(zip, name);
                    in.transferTo(out);
                    end(zip, out, name, -1, entries);
                }
                count++;
            }
            for (var e : entries) totals[2] += e.path("bytes").asLong();
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            return new Written(totals[0], (int) totals[1], count, totals[2]);
        }
    }

    private static long writeTable(Connection connection, String table, ZipOutputStream zip, ArrayNode entries)
            throws SQLException, IOException {
        List<String> columns = Tables.columns(connection, table);
        String name = "tables/" + table + ".jsonl";
        Counted out = begin(zip, name);
        long rows = 0;
        try (JsonGenerator json = FACTORY.createGenerator(new Unclosed(out), JsonEncoding.UTF8)) {
            json.setRootValueSeparator(null);
            json.writeStartArray();
            for (String c : columns) json.writeString(c);
            json.writeEndArray();
            json.writeRaw('\n');
            String order = columns.contains("id") ? " ORDER BY id" : "";
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + table + order);
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    json.writeStartArray();
                    for (int i = 1; i <= columns.size(); i++)
                        writeValue(json, rs.getObject(i), table, columns.get(i - 1));
                    json.writeEndArray();
                    json.writeRaw('\n');
                    rows++;
                }
            }
        }
        end(zip, out, name, rows, entries);
        return rows;
    }

    private static void writeValue(JsonGenerator json, Object value, String table, String column) throws IOException {
        if (value == null) json.writeNull();
        else if (value instanceof Integer i) json.writeNumber(i);
        else if (value instanceof Long l) json.writeNumber(l);
        else if (value instanceof Short s) json.writeNumber(s);
        else if (value instanceof Boolean b) json.writeBoolean(b);
        else if (value instanceof Double d) json.writeNumber(d);
        else if (value instanceof Float f) json.writeNumber(f);
        else if (value instanceof java.math.BigDecimal d) json.writeNumber(d);
        else if (value instanceof String s) json.writeString(s);
        else
            throw new IllegalStateException("A value of " + table + "." + column + " has a type backups do not know: "
                    + value.getClass().getName());
    }

    /** An entry's bytes as they are written, counted and hashed. */
    static final class Counted extends FilterOutputStream {
        final MessageDigest digest;
        long bytes;

        Counted(OutputStream out, MessageDigest digest) {
            super(new DigestOutputStream(out, digest));
            this.digest = digest;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes += len;
        }

        @Override
        public void close() {
            // The ZIP stream stays open for the next entry.
        }
    }

    /** Keeps the JSON writer from closing the entry's stream. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    private static Counted begin(ZipOutputStream zip, String name) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        return new Counted(zip, sha256());
    }

    private static void end(ZipOutputStream zip, Counted out, String name, long rows, ArrayNode entries)
            throws IOException {
        out.flush();
        zip.closeEntry();
        ObjectNode entry = entries.addObject();
        entry.put("name", name);
        entry.put("bytes", out.bytes);
        if (rows >= 0) entry.put("rows", rows);
        entry.put("sha256", HexFormat.of().formatHex(out.digest.digest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
