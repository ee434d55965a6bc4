package org.wargeys.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/**
 * The connection pool, the Jdbi handle factory and the schema migrations for one database.
 * Thread-safe; close it once, at shutdown.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final String url;
    private final String user;
    private final String password;
    private final Jdbi jdbi;
    private final Dialect dialect;
    // Counted so that tests can prove a page costs a fixed number of queries (no N+1).
    private final java.util.concurrent.atomic.LongAdder statements = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder autocommitWrites = new java.util.concurrent.atomic.LongAdder();

    private Database(HikariDataSource dataSource, Dialect dialect, String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbi = Jdbi.create(dataSource);
        this.jdbi.setSqlLogger(new org.jdbi.v3.core.statement.SqlLogger() {
            @Override
            public void logBeforeExecution(org.jdbi.v3.core.statement.StatementContext context) {
                statements.increment();
                if (isWrite(context.getRawSql()) && autoCommitted(context)) autocommitWrites.increment();
            }
        });
    }

    /**
     * How many writes ran outside any transaction since the database was opened: a use case's writes
     * belong in its one transaction, so tests expect none for a save.
     */
    public long autocommitWrites() {
        return autocommitWrites.sum();
    }

    private static boolean isWrite(String sql) {
        String s = sql.stripLeading();
        int end = Math.min(s.length(), 7);
        String verb = s.substring(0, end).toUpperCase(java.util.Locale.ROOT);
        return verb.startsWith("INSERT") || verb.startsWith("UPDATE") || verb.startsWith("DELETE");
    }

    private static boolean autoCommitted(org.jdbi.v3.core.statement.StatementContext context) {
        try {
            return context.getConnection().getAutoCommit();
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    /** How many SQL statements this database has run through Jdbi since it was opened. */
    public long statementCount() {
        return statements.sum();
    }

    /** Opens the database the config names (the embedded SQLite file by default) and migrates it. */
    public static Database open(Config config) {
        String url = config.embeddedDatabase()
                        && (config.dbUrl() == null || config.dbUrl().isBlank())
                ? "jdbc:sqlite:" + sqliteFile(config.dataDir())
                : config.dbUrl();
        return open(url, config.dbUser(), config.dbPassword());
    }

    public static Database open(String url, String user, String password) {
        Dialect dialect = Dialect.of(url);
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url);
        hikari.setPoolName("wargeys");
        if (user != null) hikari.setUsername(user);
        if (password != null) hikari.setPassword(password);
        if (dialect == Dialect.SQLITE) {
            // WAL lets readers run beside the one writer; the busy timeout makes a second writer wait
            // instead of failing at once; SQLite leaves foreign keys off unless asked.
            hikari.addDataSourceProperty("journal_mode", "WAL");
            hikari.addDataSourceProperty("foreign_keys", "true");
            hikari.addDataSourceProperty("busy_timeout", "10000");
            hikari.addDataSourceProperty("synchronous", "NORMAL");
            // Every write transaction starts as the writer (BEGIN IMMEDIATE): a deferred one that read
            // first cannot be upgraded once another writer committed, and fails at once with
            // SQLITE_BUSY despite the busy timeout. Read snapshots opt out (readSnapshot).
            hikari.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            // Nothing asks JDBC for generated keys (inserts say RETURNING id); left on, the driver runs
            // an extra SELECT last_insert_rowid() after every INSERT (a tenth of an import's time).
            hikari.addDataSourceProperty("jdbc.get_generated_keys", "false");
            hikari.setMaximumPoolSize(4);
            // A local file is never "down": a burst of writers waits its turn for a connection.
            hikari.setConnectionTimeout(10_000);
        } else {
            hikari.setMaximumPoolSize(10);
            // A server that does not answer is said so within about two seconds (a save comes back
            // with its text, /healthz says 503), instead of everyone hanging for ten.
            hikari.addDataSourceProperty("connectTimeout", "2");
            hikari.addDataSourceProperty("loginTimeout", "2");
            hikari.addDataSourceProperty("socketTimeout", "60");
            hikari.setConnectionTimeout(2_000);
            hikari.setValidationTimeout(1_000);
        }

        HikariDataSource dataSource = new HikariDataSource(hikari);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    // db/migration holds what both databases run; db/sqlite and db/postgresql the few
                    // migrations that only one of them can express (a full-text index, say).
                    .locations(
                            "classpath:db/migration",
                            "classpath:db/" + dialect.name().toLowerCase(Locale.ROOT))

                    // Features are built in parallel with migration numbers reserved per feature, so a
                    // release can bring a number below one a site already applied (V0011 after V0016):
                    // it is applied all the same, in order, instead of refusing to start.
                    .outOfOrder(true)
                    .placeholders(dialect.placeholders())
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, dialect, url, user, password);
    }

    private static Path sqliteFile(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir, e);
        }
        return dataDir.resolve("wargeys.db").toAbsolutePath();
    }

    /** The connection pool right now: connections in use, idle, in all, and callers waiting for one. */
    public record Pool(int active, int idle, int total, int waiting) {}

    public Pool pool() {
        var mx = dataSource.getHikariPoolMXBean();
        if (mx == null) return new Pool(0, 0, 0, 0);
        return new Pool(
                mx.getActiveConnections(),
                mx.getIdleConnections(),
                mx.getTotalConnections(),
                mx.getThreadsAwaitingConnection());
    }

    /** The most connections the pool opens. */
    public int poolSize() {
        return dataSource.getMaximumPoolSize();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Readies a handle for a long run of writes in one transaction (an import): its prepared
     * statements are reused, and on SQLite its connection keeps a 64 MB page cache, so a transaction
     * of a million rows does not write the same pages to the WAL again and again as the default 2 MB
     * cache spills. {@link #endBulkWrites} puts the connection back as it was before it returns to the pool.
     */
    public Handle bulkWrites(Handle h) {
        PreparedStatementCache.on(h);
        if (dialect == Dialect.SQLITE) h.execute("PRAGMA cache_size = -65536");
        return h;
    }

    public void endBulkWrites(Handle h) {
        if (dialect == Dialect.SQLITE) h.execute("PRAGMA cache_size = -2000");
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * A connection of its own, outside the pool, for work that holds one for the life of the program
     * (listening for other nodes' notifications). The caller closes it.
     */
    public java.sql.Connection openDedicatedConnection() throws java.sql.SQLException {
        java.util.Properties properties = new java.util.Properties();
        if (user != null) properties.setProperty("user", user);
        if (password != null) properties.setProperty("password", password);
        return java.sql.DriverManager.getConnection(url, properties);
    }

    /**
     * Reads in one consistent snapshot without holding up writers (an export while the site serves):
     * a deferred transaction on SQLite (WAL readers see the database as of their first read), and a
     * repeatable-read one on PostgreSQL.
     */
    public <T> T readSnapshot(HandleCallback<T, RuntimeException> work) {
        return jdbi.withHandle(h -> {
            if (dialect != Dialect.SQLITE) return h.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, work);
            SQLiteConnection sqlite;
            try {
                sqlite = h.getConnection().unwrap(SQLiteConnection.class);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Not a SQLite connection", e);
            }

            SQLiteConfig.TransactionMode mode = sqlite.getCurrentTransactionMode();
            sqlite.setCurrentTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
            try {
                return h.inTransaction(work);
            } finally {
                sqlite.setCurrentTransactionMode(mode);
            }
        });
    }

    /** The schema version the migrations brought the database to (a backup records it). */
    public String schemaVersion() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT version FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL ORDER BY installed_rank DESC")
                .mapTo(String.class)
                .findFirst()
                .orElse("0"));
    }

    /** True when the database answers a trivial query. */
    public boolean isHealthy() {
        try {
            return jdbi.withHandle(
                            h -> h.createQuery("SELECT 1").mapTo(Integer.class).one())
                    == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
