package org.wargeys.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * One real PostgreSQL server for the whole test run: the one named by {@code WARGEYS_TEST_PG_URL}
 * (a JDBC URL to a database whose user may create databases), or a throwaway cluster started with
 * {@code scripts/start-postgres.sh} and stopped when the JVM exits. Each caller gets a fresh empty
 * database in it. Without PostgreSQL binaries the tests are skipped locally and fail in CI.
 */
public final class PostgresCluster {

    private static String adminUrl;

    private PostgresCluster() {}

    /** A JDBC URL to a new, empty database (user {@code app}, no password). */
    public static synchronized String newDatabase() {
        String admin = adminUrl();
        String name = "wargeys_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var connection = DriverManager.getConnection(admin, "app", null)) {
            connection.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + admin, e);
        }
        return admin.substring(0, admin.lastIndexOf('/') + 1) + name;
    }

    private static String adminUrl() {
        if (adminUrl != null) return adminUrl;
        String given = System.getenv("WARGEYS_TEST_PG_URL");
        if (given != null && !given.isBlank()) {
            adminUrl = given;
            return adminUrl;
        }
        Path project = Path.of(System.getProperty("wargeys.projectDir", ".")).toAbsolutePath();
        Path script = project.resolve("scripts/start-postgres.sh");
        int port = freePort();
        try {
            Process start = new ProcessBuilder("bash", script.toString(), Integer.toString(port))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String dir = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int exit = start.waitFor();
            if (exit == 3) {
                boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
                if (ci) throw new IllegalStateException("PostgreSQL is required in CI but its binaries are missing");
                Assumptions.abort("PostgreSQL server binaries are not installed: skipping the PostgreSQL run");
            }
            if (exit != 0 || dir.isEmpty() || !Files.isDirectory(Path.of(dir))) {
                throw new IllegalStateException("scripts/start-postgres.sh failed with exit code " + exit);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(project, dir)));
            adminUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
            return adminUrl;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start PostgreSQL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void stop(Path project, String dir) {
        try {
            new ProcessBuilder(
                            "bash", project.resolve("scripts/stop-postgres.sh").toString(), dir)
                    .inheritIO()
                    .start()
                    .waitFor();
        } catch (IOException | InterruptedException e) {
            System.err.println("Could not stop the test PostgreSQL cluster in " + dir + ": " + e);
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
