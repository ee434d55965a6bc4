package org.wargeys;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wargeys.platform.Config;
import org.wargeys.platform.ConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line: {@code wargeys serve} and the operator's other commands. */
@Command(
        name = "wargeys",
        mixinStandardHelpOptions = true,
        version = "Wargeys 0.1.0",
        description = "A multilingual newsroom publishing platform.",
        subcommands = {
            Wargeys.Serve.class,
            UserCommand.class,
            Reindex.class,
            ImportCommand.class,
            ExportCommand.class,
            BackupCommand.Backup.class,
            BackupCommand.Restore.class,
            MediaCommand.class
        })
public final class Wargeys implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Wargeys()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The messages of an exception and its causes, for a one-line error that names the real problem. */
    static String causes(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null && out.length() < 600; t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (out.indexOf(message) >= 0) continue;
            if (out.length() > 0) out.append(": ");
            out.append(message);
        }
        return out.toString();
    }

    /** Options shared by every command that opens the site's database. */
    static final class SiteOptions {
        @Option(
                names = "--data",
                paramLabel = "DIR",
                description = "Data directory (SQLite file, media). Env: WARGEYS_DATA. Default: ./data")
        String data;

        @Option(
                names = "--db-url",
                paramLabel = "JDBC_URL",
                description =
                        "PostgreSQL JDBC URL instead of the embedded SQLite. Env: WARGEYS_DB_URL (user and password: WARGEYS_DB_USER, WARGEYS_DB_PASSWORD)")
        String dbUrl;

        @Option(names = "--db-user", paramLabel = "USER", description = "PostgreSQL user. Env: WARGEYS_DB_USER")
        String dbUser;

        @Option(
                names = "--config",
                paramLabel = "FILE",
                description =
                        "A properties file with any of the settings (keys: port, data, db.url, base.url, site.name, site.outlet, site.timezone, site.languages, ...). Env: WARGEYS_CONFIG")
        Path configFile;

        Map<String, String> flags() {
            Map<String, String> flags = new HashMap<>();
            if (data != null) flags.put(ConfigLoader.DATA, data);
            if (dbUrl != null) flags.put(ConfigLoader.DB_URL, dbUrl);
            if (dbUser != null) flags.put(ConfigLoader.DB_USER, dbUser);
            return flags;
        }

        Config load(Map<String, String> more) {
            Map<String, String> flags = flags();
            flags.putAll(more);
            Path file = configFile;
            if (file == null && System.getenv("WARGEYS_CONFIG") != null)
                file = Path.of(System.getenv("WARGEYS_CONFIG"));
            return new ConfigLoader(System.getenv()).load(flags, file);
        }
    }

    @Command(
            name = "serve",
            mixinStandardHelpOptions = true,
            description = "Start the public site (and load the demo content into an empty database).")
    static final class Serve implements Callable<Integer> {

        private static final Logger LOG = LoggerFactory.getLogger(Serve.class);

        @CommandLine.Mixin
        SiteOptions site = new SiteOptions();

        @Option(names = "--port", description = "HTTP port. Env: WARGEYS_PORT. Default: 8080")
        Integer port;

        @Option(names = "--host", description = "Address to listen on. Env: WARGEYS_HOST. Default: 0.0.0.0")
        String host;

        @Option(
                names = "--base-url",
                paramLabel = "URL",
                description =
                        "Public URL of the site, for canonical links and feeds. Env: WARGEYS_BASE_URL. Default: http://localhost:PORT")
        String baseUrl;

        @Option(
                names = "--no-demo",
                description = "Do not load the demo content into an empty database. Env: WARGEYS_DEMO=false")
        boolean noDemo;

        @Override
        public Integer call() throws InterruptedException {
            Map<String, String> flags = new HashMap<>();
            if (port != null) flags.put(ConfigLoader.PORT, port.toString());
            if (host != null) flags.put(ConfigLoader.HOST, host);
            if (baseUrl != null) flags.put(ConfigLoader.BASE_URL, baseUrl);
            if (noDemo) flags.put(ConfigLoader.DEMO, "false");
            Config config;
            try {
                config = site.load(flags);
            } catch (IllegalArgumentException e) {
                System.err.println("wargeys: " + e.getMessage());
                return 2;
            }
            Wiring wiring;
            int actualPort;
            try {
                Logs.use(config.settings().get("log.format"));
                wiring = new Wiring(config, Clock.systemUTC());
            } catch (RuntimeException e) {
                LOG.debug("Start-up failed", e);
                System.err.println("wargeys: cannot start: " + causes(e));
                return 1;
            }
            try {
                actualPort = wiring.start();
            } catch (RuntimeException e) {
                wiring.close();
                LOG.debug("Start-up failed", e);
                System.err.println("wargeys: cannot listen on port " + config.port() + ": " + causes(e));
                return 1;
            }
            LOG.info(
                    "Wargeys is serving {} on port {} ({} database)",
                    wiring.platform().site().baseUrl(),
                    actualPort,
                    wiring.platform().database().dialect().name().toLowerCase(java.util.Locale.ROOT));
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                wiring.close();
                                stopped.countDown();
                            },
                            "wargeys-shutdown"));
            stopped.await();
            return 0;
        }
    }
}
