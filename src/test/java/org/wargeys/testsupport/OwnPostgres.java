package org.wargeys.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL cluster of one test's own, which the test may take down and bring back (an outage),
 * unlike the shared one of {@link PostgresCluster}. Close it to stop and delete it.
 */
public final class OwnPostgres implements AutoCloseable {

    private final Path project =
            Path.of(System.getProperty("wargeys.projectDir", ".")).toAbsolutePath();
    private final int port;
    private final String dir;

    private OwnPostgres(int port, String dir) {
        this.port = port;
        this.dir = dir;
    }

    public static OwnPostgres start() {
        int port = freePort();
        Path project = Path.of(System.getProperty("wargeys.projectDir", ".")).toAbsolutePath();
        Run run = run(project, "scripts/start-postgres.sh", String.valueOf(port));
        if (run.exit() == 3) {
            boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
            if (ci) throw new IllegalStateException("PostgreSQL is required in CI but its binaries are missing");
            Assumptions.abort("PostgreSQL server binaries are not installed");
        }
        if (run.exit() != 0) throw new IllegalStateException("start-postgres.sh failed: " + run.output());
        return new OwnPostgres(port, run.output().strip());
    }

    /** The JDBC URL of its {@code postgres} database (user {@code app}). */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Stops the server at once, as a crash or a lost machine would. */
    public void down() {
        check(run(project, "scripts/pause-postgres.sh", dir, String.valueOf(port), "down"));
    }

    public void up() {
        check(run(project, "scripts/pause-postgres.sh", dir, String.valueOf(port), "up"));
    }

    @Override
    public void close() {
        run(project, "scripts/stop-postgres.sh", dir);
    }

    private record Run(int exit, String output) {}

    private static void check(Run run) {
        if (run.exit() != 0) throw new IllegalStateException("pause-postgres.sh failed: " + run.output());
    }

    private static Run run(Path project, String script, String... args) {
        try {
            var command = new java.util.ArrayList<String>();
            command.add("bash");
            command.add(project.resolve(script).toString());
            command.addAll(java.util.List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            return new Run(exit, exit == 0 ? out : out + err);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
