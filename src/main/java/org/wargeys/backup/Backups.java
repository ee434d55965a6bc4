package org.wargeys.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.wargeys.platform.Database;

/**
 * Backups an operator can trust: {@link #backup} writes one archive (database, media files, manifest
 * with checksums) while the site serves; {@link #restore} brings it back into an empty site, or refuses
 * a damaged archive before changing anything. Thread-safe.
 */
public final class Backups {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Database database;
    private final Path mediaDir;
    private final Clock clock;

    Backups(Database database, Path mediaDir, Clock clock) {
        this.database = database;
        this.mediaDir = mediaDir;
        this.clock = clock;
    }

    /** What a backup wrote. */
    public record Summary(Path file, long rows, int tables, int files, long bytes) {}

    /** Writes the archive to a temporary file beside {@code file}, then moves it into place whole. */
    public Summary backup(Path file) {
        Path target = file.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.getParent());
            BackupWriter.Written written;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
                written = BackupWriter.write(database, database.schemaVersion(), mediaDir, out, clock.instant());
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Summary(target, written.rows(), written.tables(), written.files(), written.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the backup " + file, e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // Named .partial: it is never taken for a backup.
            }
        }
    }

    /** Restores an archive into this empty site; refuses (changing nothing) a damaged one or a site with content. */
    public long restore(Path file) {
        BackupReader.Checked checked = BackupReader.check(file);
        return BackupReader.restore(file, checked, database, mediaDir);
    }

    /** Writes a dated backup into {@code dir} and keeps only the {@code keep} newest there. */
    public Summary scheduled(Path dir, int keep) {
        Summary summary = backup(dir.resolve("wargeys-" + STAMP.format(clock.instant()) + ".zip"));
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> backups = files.filter(p -> p.getFileName().toString().matches("wargeys-\\d{8}-\\d{6}\\.zip"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
            for (int i = 0; i < backups.size() - keep; i++) Files.deleteIfExists(backups.get(i));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prune old backups in " + dir, e);
        }
        return summary;
    }
}
