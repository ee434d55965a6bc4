package org.wargeys;

import java.util.Map;
import java.util.concurrent.Callable;
import org.wargeys.media.MediaMove;
import org.wargeys.platform.Config;
import org.wargeys.platform.ConfigLoader;
import org.wargeys.platform.FileStore;
import org.wargeys.platform.S3Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wargeys media move --to s3://bucket/prefix}: the site's files to another store (docs/deploy.md). */
@Command(
        name = "media",
        mixinStandardHelpOptions = true,
        description = "The site's files (images, imported uploads, share cards).",
        subcommands = {MediaCommand.Move.class})
final class MediaCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(
            name = "move",
            mixinStandardHelpOptions = true,
            description = "Copy the site's files from where they are now (media.store, or the data directory) to"
                    + " another store, skipping those already there: run it again to resume a move cut short."
                    + " Then set media.store to the target and restart.")
    static final class Move implements Callable<Integer> {

        @CommandLine.Mixin
        Wargeys.SiteOptions site = new Wargeys.SiteOptions();

        @Option(
                names = "--to",
                required = true,
                paramLabel = "URL",
                description = "s3://BUCKET[/PREFIX] (endpoint, region, keys: media.s3.*), or a folder.")
        String to;

        @Option(
                names = "--delete-source",
                description = "Once every file is at the target, delete them where they were (after the switch).")
        boolean deleteSource;

        @Override
        public Integer call() {
            Config config;
            try {
                config = site.load(Map.of(ConfigLoader.DEMO, "false"));
            } catch (IllegalArgumentException e) {
                System.err.println("wargeys: " + e.getMessage());
                return 2;
            }
            try (FileStore from = FileStore.of(config);
                    FileStore target = FileStore.at(to, S3Settings.from(config.settings()))) {
                if (from.location().equals(target.location())) {
                    System.err.println("wargeys: the files are already at " + target.location());
                    return 2;
                }
                target.check();
                System.out.println("Moving the site's files from " + from.location() + " to " + target.location());
                int[] seen = {0};
                var result = MediaMove.move(
                        from, target, deleteSource, config.dataDir().resolve("tmp"), (key, copied) -> {
                            if (++seen[0] % 100 == 0) System.out.println("  " + seen[0] + " files...");
                        });
                System.out.printf(
                        "Copied %d files (%.1f MB); %d were there already.%s%n",
                        result.copied(),
                        result.bytes() / 1e6,
                        result.skipped(),
                        deleteSource ? " Deleted " + result.deleted() + " from " + from.location() + "." : "");
                if (!deleteSource) {
                    System.out.println("Now set media.store=" + target.location()
                            + " (WARGEYS_MEDIA_STORE) on every node and restart them.");
                }
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println("wargeys: " + e.getMessage());
                return 2;
            } catch (RuntimeException e) {
                System.err.println("wargeys: the move stopped (run it again to resume): " + Wargeys.causes(e));
                return 1;
            }
        }
    }
}
