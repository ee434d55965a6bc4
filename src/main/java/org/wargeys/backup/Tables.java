package org.wargeys.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The site's tables as the database describes them, parents before the tables that refer to them,
 * so that a restore inserts every row after the rows it points to. Read from JDBC metadata, so a
 * table added by a later migration is backed up without anyone listing it. Stateless.
 */
final class Tables {

    /** Bookkeeping that is not the site: the migration history, and sign-ins that must not survive. */
    static final Set<String> SKIPPED = Set.of("flyway_schema_history", "sessions", "login_attempts", "article_changes");

    /**
     * SQLite's full-text index of the article list (V0021) and its shadow tables: derived from the
     * articles by triggers, so a restore rebuilds it by loading the articles, and a copy of its pages
     * would be both redundant and wrong.
     */
    static final String DERIVED_PREFIX = "article_search";

    private Tables() {}

    /** Every table of the site, parents first. */
    static List<String> inOrder(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection
                        .getMetaData()
                        .getDatabaseProductName()
                        .toLowerCase(Locale.ROOT)
                        .contains("postgres")
                ? "public"
                : null;
        Set<String> tables = new TreeSet<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.startsWith("sqlite_") && !SKIPPED.contains(name) && !name.startsWith(DERIVED_PREFIX)) {
                    tables.add(name);
                }
            }
        }
        Map<String, Set<String>> parents = new TreeMap<>();
        for (String table : tables) {
            Set<String> of = new TreeSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(table) && tables.contains(parent)) of.add(parent);
                }
            }
            parents.put(table, of);
        }
        List<String> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < tables.size()) {
            boolean progress = false;
            for (String table : tables) {
                if (!placed.contains(table) && placed.containsAll(parents.get(table))) {
                    placed.add(table);
                    ordered.add(table);
                    progress = true;
                }
            }
            if (!progress) throw new IllegalStateException("The tables refer to each other in a cycle: " + parents);
        }
        return ordered;
    }

    /** The columns of a table, in their declared order. */
    static List<String> columns(Connection connection, String table) throws SQLException {
        Map<Integer, String> columns = new LinkedHashMap<>();
        try (var statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            var meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.put(i, meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(columns.values());
    }
}
