package org.wargeys.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.wargeys.platform.Database;
import org.wargeys.platform.Dialect;
import org.wargeys.platform.FileStore;

/**
 * Reads a backup archive back into an empty site: first every entry is checked against the manifest
 * (a damaged or truncated archive is refused before anything is written), then all rows are loaded
 * in one transaction, then the media files are written to the site's file store. Stateless.
 */
final class BackupReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 500;

    private BackupReader() {}

    /** What a checked archive holds, by entry name (the manifest's entries). */
    record Checked(JsonNode manifest, Map<String, JsonNode> entries) {}

    /** Checks the archive against its manifest; throws {@link BackupRefused} saying what is wrong. */
    static Checked check(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(BackupWriter.MANIFEST);
            if (manifestEntry == null) throw new BackupRefused(file + " has no manifest: it is not a Wargeys backup.");
            JsonNode manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = JSON.readTree(in);
            }
            if (!BackupWriter.FORMAT.equals(manifest.path("format").asText())) {
                throw new BackupRefused(file + " is not a Wargeys backup.");
            }
            if (manifest.path("version").asInt() != BackupWriter.VERSION) {
                throw new BackupRefused(file + " is a backup of format version "
                        + manifest.path("version").asInt() + "; this program reads version " + BackupWriter.VERSION
                        + ".");
            }
            Map<String, JsonNode> entries = new LinkedHashMap<>();
            for (JsonNode entry : manifest.path("entries")) {
                String name = entry.path("name").asText();
                if (!safe(name)) throw new BackupRefused(file + " names an entry outside the site: " + name);
                ZipEntry zipEntry = zip.getEntry(name);
                if (zipEntry == null) throw new BackupRefused(file + " is missing " + name + " (truncated?).");
                MessageDigest digest = BackupWriter.sha256();
                long bytes = 0;
                try (InputStream in = zip.getInputStream(zipEntry)) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        digest.update(buffer, 0, n);
                        bytes += n;
                    }
                }
                if (bytes != entry.path("bytes").asLong()
                        || !HexFormat.of()
                                .formatHex(digest.digest())
                                .equals(entry.path("sha256").asText())) {
                    throw new BackupRefused(file + " is damaged: " + name + " does not match its checksum.");
                }
                entries.put(name, entry);
            }
            return new Checked(manifest, entries);
        } catch (java.util.zip.ZipException e) {
            throw new BackupRefused(file + " is damaged or truncated (" + e.getMessage() + "); nothing was changed.");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Loads a checked archive into the empty database and file store; returns the rows loaded. */
    static long restore(Path file, Checked checked, Database database, FileStore files, Path scratch) {
        if (!files.list(BackupWriter.MEDIA).isEmpty()) {
            throw new BackupRefused("The media files at " + files.location()
                    + " are not empty: restore into an empty data directory or bucket.");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            long rows = database.jdbi().inTransaction(h -> {
                try {
                    Connection connection = h.getConnection();
                    List<String> tables = Tables.inOrder(connection);
                    for (String table : tables) {
                        try (var statement = connection.createStatement();
                                var rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                throw new BackupRefused("The site is not empty (" + table
                                        + " has rows): restore into an empty data directory or database.");
                            }
                        }
                    }
                    long loaded = 0;
                    for (String table : tables) {
                        ZipEntry entry = zip.getEntry("tables/" + table + ".jsonl");
                        if (entry != null) loaded += load(connection, table, zip.getInputStream(entry));
                    }
                    if (database.dialect() == Dialect.POSTGRESQL) resetSequences(connection, tables);
                    return loaded;
                } catch (SQLException e) {
                    throw new IllegalStateException("Loading the backup failed; nothing was changed", e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            extractMedia(zip, checked, files, scratch);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restore " + file, e);
        }
    }

    private static long load(Connection connection, String table, InputStream in) throws IOException, SQLException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = lines.readLine();
        if (header == null) return 0;
        List<String> columns = new ArrayList<>();
        JSON.readTree(header).forEach(c -> columns.add(c.asText()));
        List<String> present = Tables.columns(connection, table);
        for (String column : columns) {
            if (!present.contains(column)) {
                throw new BackupRefused("The backup's " + table + "." + column
                        + " does not exist in this version's database: restore with the version that made the backup.");
            }
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        long rows = 0;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) continue;
                JsonNode values = JSON.readTree(line);
                for (int i = 0; i < columns.size(); i++) insert.setObject(i + 1, value(values.get(i)));
                insert.addBatch();
                if (++rows % BATCH == 0) insert.executeBatch();
            }
            insert.executeBatch();
        }
        return rows;
    }

    private static Object value(JsonNode node) {
        if (node == null || node.isNull()) return null;
        if (node.isBoolean()) return node.booleanValue();
        if (node.isIntegralNumber()) return node.longValue();
        if (node.isNumber()) return node.doubleValue();
        return node.asText();
    }

    // PostgreSQL's identity columns do not move when ids are given: set each to the highest id loaded.
    private static void resetSequences(Connection connection, List<String> tables) throws SQLException {
        for (String table : tables) {
            if (!Tables.columns(connection, table).contains("id")) continue;
            try (var statement = connection.createStatement()) {
                statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), "
                        + "GREATEST((SELECT COALESCE(MAX(id), 0) FROM " + table + "), 1), "
                        + "(SELECT COUNT(*) > 0 FROM " + table + "))");
            }
        }
    }

    // Each file through a temporary file beside the archive: a video can be larger than the heap.
    private static void extractMedia(ZipFile zip, Checked checked, FileStore files, Path scratch) throws IOException {
        for (String name : checked.entries().keySet()) {
            if (!name.startsWith(BackupWriter.MEDIA)) continue;
            try {
                FileStore.checkKey(name);
            } catch (IllegalArgumentException e) {
                throw new BackupRefused("An entry points outside the media folder: " + name);
            }
            Path temp = Files.createTempFile(scratch, "restore", ".tmp");
            try {
                try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                }
                files.put(name, temp, contentType(name));
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static String contentType(String name) {
        if (name.endsWith(".png")) return "image/png";
        if (name.endsWith(".webp")) return "image/webp";
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) return "image/jpeg";
        return "application/octet-stream";
    }

    /** A name of ours: tables, media files or the manifest, never an absolute path or a climb out. */
    private static boolean safe(String name) {
        return (name.startsWith("tables/") || name.startsWith("media/"))
                && !name.contains("..")
                && !name.contains("\\")
                && !name.startsWith("/");
    }
}
