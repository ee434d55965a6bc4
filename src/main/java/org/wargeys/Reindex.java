package org.wargeys;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.wargeys.platform.Config;
import org.wargeys.platform.ConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code wargeys reindex}: rebuilds the search index from the database, showing a progress bar. */
@Command(
        name = "reindex",
        mixinStandardHelpOptions = true,
        description =
                "Rebuild the search index from the database. Stop the server first (the index is locked while it runs);"
                        + " a running site rebuilds from the newsroom: Site settings → Rebuild the search index.")
final class Reindex implements Callable<Integer> {

    static final int BAR_WIDTH = 40;

    @CommandLine.Mixin
    Wargeys.SiteOptions site = new Wargeys.SiteOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Config config;
        try {
            config = site.load(Map.of(ConfigLoader.DEMO, "false", ConfigLoader.PORT, "0"));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("wargeys: " + e.getMessage());
            return 2;
        }
        Wiring wiring;
        try {
            wiring = new Wiring(config, Clock.systemUTC());
        } catch (RuntimeException e) {
            spec.commandLine()
                    .getErr()
                    .println("wargeys: cannot open the site (" + rootMessage(e)
                            + "). Is a server still running on this data directory? A running site rebuilds its index"
                            + " from the newsroom instead: Site settings → Rebuild the search index.");
            return 1;
        }
        try (wiring) {
            boolean terminal = System.console() != null;
            long started = System.nanoTime();
            int count = wiring.search()
                    .indexer()
                    .rebuildFromNothing(new Bar(spec.commandLine().getOut(), terminal));

            spec.commandLine()
                    .getOut()
                    .printf("%nIndexed %d published articles in %.1f s.%n", count, (System.nanoTime() - started) / 1e9);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) e = e.getCause();
        return e.getMessage();
    }

    /** A one-line bar redrawn in place on a terminal; a line per tenth elsewhere (logs, pipes). */
    static final class Bar implements org.wargeys.search.ArticleIndexer.Progress {
        private final java.io.PrintWriter out;
        private final boolean terminal;
        private int lastTenth = -1;

        Bar(java.io.PrintWriter out, boolean terminal) {
            this.out = out;
            this.terminal = terminal;
        }

        @Override
        public void update(int done, int total) {
            int percent = total == 0 ? 100 : (int) (100L * done / total);
            if (terminal) {
                out.print("\r" + render(done, total));
                out.flush();
            } else if (percent / 10 != lastTenth) {
                lastTenth = percent / 10;
                out.println(render(done, total));
                out.flush();
            }
        }

        static String render(int done, int total) {
            int percent = total == 0 ? 100 : (int) (100L * done / total);
            int filled = BAR_WIDTH * percent / 100;
            return "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + String.format("%3d%%", percent)
                    + " " + done + "/" + total;
        }
    }
}
