package org.wargeys.platform;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the program knows about its storage: the last write that failed for want of space or for a
 * read-only disk (until a write succeeds again), and the free space of the data directory. The health
 * check reports it; the operator reads it once in the log, not once per request. Thread-safe.
 */
public final class StorageMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(StorageMonitor.class);
    /** Below this much free space in the data directory the site reports itself degraded. */
    static final long LOW_SPACE_BYTES = 64L * 1024 * 1024;

    /** A failure seen, and when. */
    public record Failure(StorageFailure.Kind kind, Instant at) {}

    private final Path dataDir;
    private final Clock clock;
    private final AtomicReference<Failure> last = new AtomicReference<>();

    StorageMonitor(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.clock = clock;
    }

    /** A write or read failed for a storage reason; logged when it starts, not again while it lasts. */
    public void failed(StorageFailure failure) {
        Failure previous = last.getAndSet(new Failure(failure.kind(), clock.instant()));
        if (previous == null || previous.kind() != failure.kind()) {
            LOG.error(
                    "Storage failure: {} (the site reports itself degraded until a write succeeds)",
                    failure.getMessage());
        }
    }

    /** A write committed: the storage takes writes again. */
    void succeeded() {
        Failure previous = last.getAndSet(null);
        if (previous != null) LOG.info("Storage works again after: {}", previous.kind());
    }

    /** The failure of the last write, if it has not succeeded since. */
    public Optional<Failure> lastFailure() {
        return Optional.ofNullable(last.get());
    }

    /** The usable bytes left where the data directory is, or -1 if that cannot be read. */
    public long freeBytes() {
        try {
            FileStore store = Files.getFileStore(
                    Files.exists(dataDir) ? dataDir : dataDir.toAbsolutePath().getParent());
            return store.getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** True when the data directory's disk is nearly full: under 64 MB, or a tenth of a small disk. */
    public boolean lowOnSpace() {
        long free = freeBytes();
        return free >= 0 && free < Math.min(LOW_SPACE_BYTES, totalBytes() / 10);
    }

    private long totalBytes() {
        try {
            return Files.getFileStore(
                            Files.exists(dataDir)
                                    ? dataDir
                                    : dataDir.toAbsolutePath().getParent())
                    .getTotalSpace();
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    /** True when a file can be written in the data directory right now. */
    public boolean writable() {
        try {
            Files.createDirectories(dataDir);
            Path probe = Files.createTempFile(dataDir, ".probe", ".tmp");
            Files.delete(probe);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static Duration since(Instant then, Clock clock) {
        return Duration.between(then, clock.instant());
    }
}
