package org.wargeys.testsupport;

/** The databases every integration test runs on. */
public enum DatabaseKind {
    SQLITE,
    POSTGRESQL;

    /** The --db-url for a fresh database of this kind; null means the embedded SQLite under the data dir. */
    public String newDatabaseUrl() {
        return this == SQLITE ? null : PostgresCluster.newDatabase();
    }
}
