package org.wargeys.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.wargeys.platform.Dialect;

/**
 * A site's data directory and database migrated only up to an earlier version: an upgrade test fills
 * it as a site of that version had it, then starts the current program on it ({@link #start}).
 */
public record EarlierSchema(DatabaseKind kind, Path dataDir, String url, Flyway flyway) {

    /** A fresh data directory and database at {@code version} (e.g. "0033"). */
    public static EarlierSchema at(DatabaseKind kind, String version) throws IOException {
        Path data = Files.createTempDirectory("wargeys-upgrade");
        String url = kind == DatabaseKind.SQLITE
                ? "jdbc:sqlite:" + data.resolve("wargeys.db").toAbsolutePath()
                : kind.newDatabaseUrl();
        Dialect dialect = Dialect.of(url);
        Flyway flyway = Flyway.configure()
                .dataSource(url, dialect == Dialect.POSTGRESQL ? "app" : null, null)
                .locations(
                        "classpath:db/migration",
                        "classpath:db/" + dialect.name().toLowerCase(Locale.ROOT))
                .placeholders(dialect.placeholders())
                .target(version)
                .load();
        flyway.migrate();
        return new EarlierSchema(kind, data, url, flyway);
    }

    public Dialect dialect() {
        return Dialect.of(url);
    }

    /** A connection to the earlier database, to write what a site of that version held. */
    public Connection connect() throws SQLException {
        return flyway.getConfiguration().getDataSource().getConnection();
    }

    /** The current program on this data: it migrates the rest of the way as it starts. */
    public TestSite start(java.util.Map<String, String> settings, java.time.Clock clock) {
        return TestSite.onData(dataDir, kind == DatabaseKind.SQLITE ? null : url, settings, clock);
    }

    public TestSite start() {
        return TestSite.onData(dataDir, kind == DatabaseKind.SQLITE ? null : url);
    }
}
