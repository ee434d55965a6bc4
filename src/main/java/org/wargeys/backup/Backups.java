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
import org.wargeys.platform.FileStore;
import org.wargeys.platform.S3Settings;

/**
 * Backups an operator can trust: {@link #backup} writes one archive (database, media files, manifest
 * with checksums) while the site serves; {@link #restore} brings it back into an empty site, or refuses
 * a damaged archive before changing anything. An archive is a file, or an object in a bucket
 * ({@code s3://bucket/backups/site.zip}: written locally first, then uploaded whole). Thread-safe.
 */
public final class Backups {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final String SCHEDULED = "wargeys-\\d{8}-\\d{6}\\.zip";

    private final Database database;
    private final FileStore files;
    private final Path scratch;
    private final S3Settings s3;
    private final Clock clock;

    /**
     * @param files the site's file store (its {@code media/} files go into the archive)
     * @param scratch a folder for temporary files (the data directory)
     * @param s3 how to reach a bucket named by an {@code s3://} archive
     */
    Backups(Database database, FileStore files, Path scratch, S3Settings s3, Clock clock) {
        this.database = database;
        this.files = files;
        this.scratch = scratch;
        this.s3 = s3;
        this.clock = clock;
    }

    /** What a backup wrote. */
    public record Summary(String file, long rows, int tables, int files, long bytes) {}

    /** Writes the archive to a file or an {@code s3://} object. */
    public Summary backup(String target) {
        if (!isBucket(target)) return backup(Path.of(target));
        Place place = split(target);
        try (FileStore bucket = FileStore.at(place.store(), s3)) {
            Path temp = temporary();
            try {
                Summary local = write(temp);
                bucket.put(place.key(), temp, "application/zip");
                return new Summary(target, local.rows(), local.tables(), local.files(), local.bytes());
            } finally {
                delete(temp);
            }
        }
    }

    /** Writes the archive to a temporary file beside {@code file}, then moves it into place whole. */
    public Summary backup(Path file) {
        Path target = file.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.getParent());
            Summary written = write(partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Summary(target.toString(), written.rows(), written.tables(), written.files(), written.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the backup " + file, e);
        } finally {
            delete(partial); // named .partial: never taken for a backup
        }
    }

    private Summary write(Path file) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            BackupWriter.Written written =
                    BackupWriter.write(database, database.schemaVersion(), files, out, clock.instant());
            return new Summary(file.toString(), written.rows(), written.tables(), written.files(), written.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the backup " + file, e);
        }
    }

    /**
     * Restores an archive (a file or an {@code s3://} object) into this empty site; refuses (changing
     * nothing) a damaged one or a site with content.
     */
    public long restore(String source) {
        if (!isBucket(source)) return restore(Path.of(source));
        Place place = split(source);
        try (FileStore bucket = FileStore.at(place.store(), s3)) {
            Path temp = temporary();
            try {
                if (!bucket.download(place.key(), temp)) throw new BackupRefused("There is no " + source + ".");
                return restore(temp);
            } finally {
                delete(temp);
            }
        }
    }

    public long restore(Path file) {
        BackupReader.Checked checked = BackupReader.check(file);
        return BackupReader.restore(file, checked, database, files, scratchFolder());
    }

    /** Writes a dated backup into {@code dir} (a folder or {@code s3://bucket/prefix}) and keeps the {@code keep} newest. */
    public Summary scheduled(String dir, int keep) {
        String name = "wargeys-" + STAMP.format(clock.instant()) + ".zip";
        if (isBucket(dir)) {
            String folder = dir.endsWith("/") ? dir : dir + "/";
            Summary summary = backup(folder + name);
            try (FileStore bucket = FileStore.at(folder, s3)) {
                List<String> backups = bucket.list("").stream()
                        .map(FileStore.Entry::key)
                        .filter(k -> k.matches(SCHEDULED))
                        .sorted()
                        .toList();
                for (int i = 0; i < backups.size() - keep; i++) bucket.delete(backups.get(i));
            }
            return summary;
        }
        Path folder = Path.of(dir);
        Summary summary = backup(folder.resolve(name));
        try (Stream<Path> found = Files.list(folder)) {
            List<Path> backups = found.filter(p -> p.getFileName().toString().matches(SCHEDULED))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
            for (int i = 0; i < backups.size() - keep; i++) Files.deleteIfExists(backups.get(i));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prune old backups in " + dir, e);
        }
        return summary;
    }

    private static boolean isBucket(String location) {
        return location.startsWith("s3://");
    }

    /** An archive in a bucket: the store ({@code s3://bucket/a}) and the key in it ({@code b.zip}). */
    private record Place(String store, String key) {}

    private static Place split(String location) {
        int slash = location.lastIndexOf('/');
        if (slash <= "s3://".length() || slash == location.length() - 1) {
            throw new IllegalArgumentException(
                    "A backup in a bucket is s3://BUCKET/[PREFIX/]NAME.zip, not " + location);
        }
        return new Place(location.substring(0, slash), location.substring(slash + 1));
    }

    private Path scratchFolder() {
        try {
            return Files.createDirectories(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path temporary() {
        try {
            return Files.createTempFile(scratchFolder(), "backup", ".partial");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover .partial file is never taken for a backup.
        }
    }
}
