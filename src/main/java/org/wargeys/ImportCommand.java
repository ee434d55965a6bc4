package org.wargeys;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.wargeys.importer.ImportException;
import org.wargeys.importer.ImportReport;
import org.wargeys.importer.ProgressBar;
import org.wargeys.platform.ConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wargeys import wordpress FILE.xml}: bring content over from another system. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Import content from another system.",
        subcommands = {ImportCommand.WordPress.class, ImportCommand.Json.class})
final class ImportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(
            name = "wordpress",
            mixinStandardHelpOptions = true,
            description =
                    "Import a WordPress export (WXR, Tools → Export → All content): posts, pages, categories, tags, "
                            + "authors, Polylang/WPML translations, Social Snap share counts and old addresses. "
                            + "Running it again with the same or a later export updates only what changed.")
    static final class WordPress implements Callable<Integer> {

        @CommandLine.Mixin
        Wargeys.SiteOptions site = new Wargeys.SiteOptions();

        @Parameters(paramLabel = "FILE.xml", description = "The WordPress export file.")
        Path file;

        @Option(
                names = "--media-dir",
                paramLabel = "DIR",
                description =
                        "A copy of wp-content/uploads: referenced files are copied into the site and body addresses rewritten. Without it, media keep their old addresses (listed in the report).")
        Path mediaDir;

        @Option(
                names = "--dry-run",
                description = "Read and check everything, report what would change, and write nothing.")
        boolean dryRun;

        @Option(
                names = "--bulk",
                description = "For very large exports: commit every 5,000 articles (the search index catches up with"
                        + " each while the next loads). A failure keeps what was committed; run it again to go on.")
        boolean bulk;

        @Override
        public Integer call() {
            PrintStream out = System.out;
            PrintStream err = System.err;
            try (CommandWiring wiring =
                    new CommandWiring(site.load(Map.of(ConfigLoader.DEMO, "false")), Clock.systemUTC())) {
                ProgressBar bar = new ProgressBar(err, System.console() != null);
                ImportReport report = wiring.importer().wordPress().importFile(file, mediaDir, dryRun, bar, bulk);
                bar.done();
                ImportReports.print(report, out);
                return 0;
            } catch (ImportException e) {
                err.println();
                err.println(
                        bulk
                                ? "wargeys: import failed; what was committed before it is kept (run it again to go on): "
                                        + e.getMessage()
                                : "wargeys: import failed, nothing was changed: " + e.getMessage());
                return 1;
            } catch (IllegalArgumentException e) {
                err.println("wargeys: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(
            name = "json",
            mixinStandardHelpOptions = true,
            description = "Load a Wargeys JSON export (wargeys export --format json) into an empty site.")
    static final class Json implements Callable<Integer> {

        @CommandLine.Mixin
        Wargeys.SiteOptions site = new Wargeys.SiteOptions();

        @Parameters(paramLabel = "FILE.json", description = "The JSON export file.")
        Path file;

        @Override
        public Integer call() {
            try (CommandWiring wiring =
                            new CommandWiring(site.load(Map.of(ConfigLoader.DEMO, "false")), Clock.systemUTC());
                    var in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file))) {
                long rows = wiring.importer().siteJson().importJson(in);
                System.out.println("Loaded " + rows + " rows from " + file + ".");
                return 0;
            } catch (ImportException e) {
                System.err.println("wargeys: import failed, nothing was changed: " + e.getMessage());
                return 1;
            } catch (java.io.IOException e) {
                System.err.println("wargeys: cannot read " + file + ": " + e.getMessage());
                return 1;
            } catch (IllegalArgumentException e) {
                System.err.println("wargeys: " + e.getMessage());
                return 2;
            }
        }
    }
}
