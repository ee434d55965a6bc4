package org.wargeys.backup;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wargeys.platform.Platform;

/**
 * Backups: the service behind {@code wargeys backup} and {@code wargeys restore}, and optional
 * scheduled backups ({@code backup.every} hours, keeping {@code backup.keep} of them in
 * {@code DATA/backups} or {@code backup.dir}).
 */
public final class BackupModule {

    private static final Logger LOG = LoggerFactory.getLogger(BackupModule.class);

    private final Backups backups;

    public BackupModule(Platform platform) {
        var config = platform.config();
        this.backups = new Backups(
                platform.database(),
                platform.files(),
                config.dataDir(),
                org.wargeys.platform.S3Settings.from(config.settings()),
                platform.clock());
        var settings = config.settings();
        String every = settings.get("backup.every");
        if (every != null && !every.isBlank()) {
            Duration period = Duration.ofHours(whole("backup.every", every, 1));
            int keep = (int) whole("backup.keep", settings.getOrDefault("backup.keep", "7"), 1);

            // A folder, or a bucket (s3://bucket/backups): a backup on the same disk does not survive it.
            String dir = settings.getOrDefault(
                    "backup.dir", config.dataDir().resolve("backups").toString());
            platform.jobs().every("Writing the scheduled backup", period, period, () -> {
                var written = backups.scheduled(dir, keep);
                LOG.info("Backup written: {} ({} rows, {} files)", written.file(), written.rows(), written.files());
            });
        }
    }

    private static long whole(String key, String value, long min) {
        try {
            long n = Long.parseLong(value.strip());
            if (n >= min) return n;
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new IllegalArgumentException(
                key + " must be a whole number of at least " + min + ", not '" + value + "'");
    }

    public Backups backups() {

        return backups;
    }
}
