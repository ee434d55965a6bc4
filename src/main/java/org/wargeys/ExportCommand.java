package org.wargeys;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.wargeys.platform.ConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wargeys export --format json|wxr FILE}: the whole site in one file. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description =
                "Write the whole site to a file: JSON (loads into an empty Wargeys with 'import json') or WXR (for WordPress and tools that read it). No passwords are exported.")
final class ExportCommand implements Callable<Integer> {

    enum Format {
        json,
        wxr
    }

    @CommandLine.Mixin
    Wargeys.SiteOptions site = new Wargeys.SiteOptions();

    @Option(names = "--format", required = true, description = "json or wxr")
    Format format;

    @Parameters(paramLabel = "FILE", description = "The file to write (replaced if it exists).")
    Path file;

    @Override
    public Integer call() {
        try (CommandWiring wiring =
                        new CommandWiring(site.load(Map.of(ConfigLoader.DEMO, "false")), Clock.systemUTC());
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            if (format == Format.json) {
                System.out.println("Wrote " + wiring.importer().siteJson().exportJson(out) + " rows to " + file + ".");
            } else {
                System.out.println("Wrote " + wiring.importer().wxr().write(out) + " articles to " + file + ".");
            }
            return 0;
        } catch (IOException e) {
            System.err.println("wargeys: cannot write " + file + ": " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            System.err.println("wargeys: " + e.getMessage());
            return 2;
        }
    }
}
