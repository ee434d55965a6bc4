package org.wargeys.platform;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;

/**
 * A write or read that failed for a reason outside the user's control: the database is not answering,
 * the disk is full, or the storage is read-only. Answered with a 503 that says so in the user's
 * language (a newsroom form comes back as typed), never as a bare error. Nothing was written.
 */
public final class StorageFailure extends RuntimeException {

    /** What went wrong, each with the message that tells the user. */
    public enum Kind {
        UNAVAILABLE("error.storage.unavailable"),
        DISK_FULL("error.storage.disk_full"),
        READ_ONLY("error.storage.read_only");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private final Kind kind;

    StorageFailure(Kind kind, Throwable cause) {
        super(kind.name().toLowerCase(Locale.ROOT) + ": " + cause.getMessage(), cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public Problem problem() {
        return Problem.of(kind.key());
    }

    /**
     * The storage failure behind an exception, if that is what it is: the causes are read for SQL states
     * (PostgreSQL), SQLite result codes and the pool's timeout. Anything else (a bug, a constraint) is
     * not a storage failure and stays what it is.
     */
    public static Optional<StorageFailure> of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StorageFailure f) return Optional.of(f);
            Kind kind = kindOf(t);
            if (kind != null) return Optional.of(new StorageFailure(kind, t));
        }
        return Optional.empty();
    }

    private static Kind kindOf(Throwable t) {
        if (t instanceof SQLTransientConnectionException) return Kind.UNAVAILABLE;
        if (t instanceof java.net.ConnectException || t instanceof java.net.SocketTimeoutException) {
            return Kind.UNAVAILABLE;
        }
        if (t instanceof java.io.IOException io
                && String.valueOf(io.getMessage()).contains("No space left on device")) {
            return Kind.DISK_FULL;
        }
        if (!(t instanceof SQLException sql)) return null;
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        String message = String.valueOf(sql.getMessage());
        // PostgreSQL: connection exceptions, the server shutting down or starting, disk full, read-only.
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return Kind.UNAVAILABLE;
        }
        if (state.equals("53100")) return Kind.DISK_FULL;
        if (state.equals("25006")) return Kind.READ_ONLY;
        // SQLite reports its result codes in the message.
        if (message.contains("SQLITE_FULL")) return Kind.DISK_FULL;
        if (message.contains("SQLITE_READONLY")) return Kind.READ_ONLY;
        if (message.contains("SQLITE_BUSY")
                || message.contains("SQLITE_IOERR")
                || message.contains("SQLITE_CANTOPEN")) {
            return Kind.UNAVAILABLE;
        }
        return null;
    }
}
