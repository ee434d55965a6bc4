package org.wargeys.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;

/**
 * What every feature is built on: the configuration, the clock, the site, the database with its
 * use-case transactions and audit log, the event bus with its line to the other nodes, and the
 * program's own threads. Built first and closed last by the wiring. Thread-safe.
 */
public final class Platform implements AutoCloseable {

    private final Config config;
    private final Clock clock;
    private final int port;
    private final Site site;
    private final Database database;
    private final EventBus events = new EventBus();
    private final StorageMonitor storage;
    private final Readiness readiness = new Readiness();
    private final Transactions transactions;
    private final AuditLog audit;
    private final ClusterEvents cluster;
    private final SiteSettings siteSettings;
    private final Jobs jobs = new Jobs();
    private final FileStore files;

    private Platform(Config configured, Clock clock, int port, Database database, FileStore files) {
        // The settings stored in the newsroom, over the configuration's defaults (not over what it pins).
        Config config = SiteSettings.apply(configured, database.jdbi());
        this.config = config;
        this.clock = clock;
        this.port = port;
        this.site = config.site(port);
        this.database = database;
        this.files = files;
        this.storage = new StorageMonitor(config.dataDir(), clock);
        this.transactions = new Transactions(database.jdbi(), events, storage);
        this.audit = new AuditLog(database.jdbi(), clock);
        this.cluster = ClusterEvents.create(database, events);
        this.siteSettings = new SiteSettings(database.jdbi(), transactions, audit, config);
    }

    /**
     * Opens (and migrates) the database. The site answers on the configured port, or on a free one if
     * that is 0 (tests).
     */
    public static Platform open(Config config, Clock clock) {
        int port = config.port() == 0 ? freePort() : config.port();
        Database database = Database.open(config);
        FileStore files = null;
        try {
            files = FileStore.of(config);
            return new Platform(config, clock, port, database, files);
        } catch (RuntimeException e) {
            if (files != null) files.close();
            database.close();
            throw e;
        }
    }

    public Config config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    /** The port the site answers on. */
    public int port() {
        return port;
    }

    public Site site() {
        return site;
    }

    public Database database() {
        return database;
    }

    /**
     * Where the site's files live (media, imported uploads, share cards): the data directory, or the
     * bucket named by {@code media.store}.
     */
    public FileStore files() {
        return files;
    }

    public EventBus events() {
        return events;
    }

    public Transactions transactions() {
        return transactions;
    }

    /** The state of the disk and of the last writes, for the health check. */
    public StorageMonitor storage() {
        return storage;
    }

    /** The checks that say whether this node is ready for readers (each feature adds its own). */
    public Readiness readiness() {
        return readiness;
    }

    public AuditLog audit() {
        return audit;
    }

    /** The site settings the newsroom stores for the next start. */
    public SiteSettings siteSettings() {
        return siteSettings;
    }

    public ClusterEvents cluster() {
        return cluster;
    }

    public Jobs jobs() {
        return jobs;
    }

    /** Starts hearing the other nodes and the recurring work (a serving node; commands need neither). */
    public void start() {
        cluster.listen();
        jobs.start();
    }

    /** Stops hearing the other nodes, stops the program's threads, then closes the database. */
    @Override
    public void close() {
        try {
            cluster.close();
            jobs.close();
        } finally {
            try {
                files.close();
            } finally {
                database.close();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }
}
