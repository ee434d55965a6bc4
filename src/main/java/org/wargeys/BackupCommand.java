package org.wargeys;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.wargeys.backup.BackupRefused;
import org.wargeys.platform.ConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code wargeys backup FILE} and {@code wargeys restore FILE} (docs/operations.md). */
final class BackupCommand {

    private BackupCommand() {}

    @Command(
            name = "backup",
            mixinStandardHelpOptions = true,
            description = "Write one archive of the whole site (database, media files, a manifest with checksums)."
                    + " Runs while the site serves.")
    static final class Backup implements Callable<Integer> {

        @CommandLine.Mixin
        Wargeys.SiteOptions site = new Wargeys.SiteOptions();

        @Parameters(
                paramLabel = "FILE",
                description = "The archive to write (a .zip; replaced if it exists), or s3://BUCKET/PREFIX/NAME.zip.")
        String file;

        @Override
        public Integer call() {
            try (CommandWiring wiring =
                    new CommandWiring(site.load(Map.of(ConfigLoader.DEMO, "false")), Clock.systemUTC())) {
                var written = wiring.backups().backups().backup(file);
                System.out.printf(
                        "Wrote %s: %d rows in %d tables, %d media files, %.1f MB before compression.%n",
                        written.file(), written.rows(), written.tables(), written.files(), written.bytes() / 1e6);
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println("wargeys: " + e.getMessage());
                return 2;
            } catch (RuntimeException e) {
                System.err.println("wargeys: the backup failed: " + Wargeys.causes(e));
                return 1;
            }
        }
    }

    @Command(
            name = "restore",
            mixinStandardHelpOptions = true,
            description = "Restore an archive written by 'backup' into an empty data directory or database."
                    + " A damaged archive is refused and nothing is changed.")
    static final class Restore implements Callable<Integer> {

        @CommandLine.Mixin
        Wargeys.SiteOptions site = new Wargeys.SiteOptions();

        @Parameters(
                paramLabel = "FILE",
                description = "The archive to restore (a file or s3://BUCKET/PREFIX/NAME.zip).")
        String file;

        @Override
        public Integer call() {
            try (CommandWiring wiring =
                    new CommandWiring(site.load(Map.of(ConfigLoader.DEMO, "false")), Clock.systemUTC())) {
                long rows = wiring.backups().backups().restore(file);
                System.out.println("Restored " + rows + " rows and the media files from " + file
                        + ". The search index is rebuilt when the site starts.");
                return 0;
            } catch (BackupRefused e) {
                System.err.println("wargeys: " + e.getMessage());
                return 1;
            } catch (IllegalArgumentException e) {
                System.err.println("wargeys: " + e.getMessage());
                return 2;
            } catch (RuntimeException e) {
                System.err.println("wargeys: the restore failed, nothing was changed: " + Wargeys.causes(e));
                return 1;
            }
        }
    }
}
