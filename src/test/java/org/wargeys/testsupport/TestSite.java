package org.wargeys.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.wargeys.Wiring;
import org.wargeys.platform.Config;

/**
 * The real program for a test: {@link Wiring} on a temporary data directory (or a fresh PostgreSQL
 * database), a fixed clock, the server on a free loopback port, and an HTTP client that does not
 * follow redirects. Close it to stop the server; {@link #deleteData()} removes the data directory.
 */
public final class TestSite implements AutoCloseable {

    public static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final Path dataDir;
    private final String dbUrl;
    private final boolean demo;
    private final Map<String, String> settings;
    private final Wiring wiring;
    private final int port;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final List<String> trustedProxies;
    private final String purgeUrl;
    private final Clock clock;
    private boolean closed;

    private TestSite(Path dataDir, String dbUrl, boolean demo, Map<String, String> settings) {
        this(dataDir, dbUrl, demo, settings, List.of());
    }

    private TestSite(
            Path dataDir, String dbUrl, boolean demo, Map<String, String> settings, List<String> trustedProxies) {
        this(dataDir, dbUrl, demo, settings, trustedProxies, null, 0, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private TestSite(
            Path dataDir,
            String dbUrl,
            boolean demo,
            Map<String, String> settings,
            List<String> trustedProxies,
            String purgeUrl,
            int port,
            Clock clock) {
        this.purgeUrl = purgeUrl;
        this.dataDir = dataDir;
        this.dbUrl = dbUrl;
        this.demo = demo;
        this.settings = settings;
        this.trustedProxies = trustedProxies;
        this.clock = clock;
        this.wiring = new Wiring(config(dataDir, dbUrl, demo, settings, trustedProxies, purgeUrl, port), clock);
        this.port = wiring.start();
    }

    /** A new site whose clock the test moves ({@link TestClock}), with feature settings. */
    public static TestSite start(DatabaseKind kind, boolean demo, Map<String, String> settings, Clock clock) {
        try {
            return new TestSite(
                    Files.createTempDirectory("wargeys-test"),
                    kind.newDatabaseUrl(),
                    demo,
                    settings,
                    List.of(),
                    null,
                    0,
                    clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Config config(
            Path dataDir, String dbUrl, boolean demo, Map<String, String> settings, List<String> trustedProxies) {
        return config(dataDir, dbUrl, demo, settings, trustedProxies, null, 0);
    }

    private static Config config(
            Path dataDir,
            String dbUrl,
            boolean demo,
            Map<String, String> settings,
            List<String> trustedProxies,
            String purgeUrl,
            int port) {
        // Argon2id at its lowest cost: tests sign in many times; production keeps the configured cost.
        return new Config(
                port,
                "127.0.0.1",
                dataDir,
                dbUrl,
                dbUrl != null && dbUrl.startsWith("jdbc:postgresql:") ? "app" : null,
                null,
                null,
                demo,
                "Warsoor",
                "WARSOOR",
                "Africa/Mogadishu",
                List.of("en", "so", "ar"),
                16L * 1024 * 1024,
                purgeUrl,
                settings,
                trustedProxies,
                64,
                1,
                // The feature settings stand for the config file's lines: the newsroom shows them as pinned.
                settings.keySet());
    }

    /**
     * The configuration of another program on this site's database, with a data directory of its own
     * and no demo content (another node, a terminal command).
     */
    public Config configOfAnotherProgram() {
        String shared = dbUrl != null
                ? dbUrl
                : "jdbc:sqlite:" + dataDir.resolve("wargeys.db").toAbsolutePath();
        try {
            return config(Files.createTempDirectory("wargeys-node"), shared, false, settings, trustedProxies);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new site with the demo content on a fresh database of the given kind. */
    public static TestSite start(DatabaseKind kind) {
        return start(kind, true);
    }

    public static TestSite start(DatabaseKind kind, boolean demo) {
        return start(kind, demo, Map.of());
    }

    /** A new site with feature settings, as keys of the config file ({@code sharing.x_handle}...). */
    public static TestSite start(DatabaseKind kind, boolean demo, Map<String, String> settings) {
        try {
            return new TestSite(Files.createTempDirectory("wargeys-test"), kind.newDatabaseUrl(), demo, settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A site on data that exists already (a restored backup): no demo content is loaded. */
    public static TestSite onData(Path dataDir, String dbUrl) {
        return new TestSite(dataDir, dbUrl, false, Map.of());
    }

    /** A site on data that exists already, with feature settings (its files in a bucket). */
    public static TestSite onData(Path dataDir, String dbUrl, Map<String, String> settings) {
        return new TestSite(dataDir, dbUrl, false, settings);
    }

    /** A site on data that exists already (a database an older release migrated), with a clock the test moves. */
    public static TestSite onData(Path dataDir, String dbUrl, Map<String, String> settings, Clock clock) {
        return new TestSite(dataDir, dbUrl, false, settings, List.of(), null, 0, clock);
    }

    /** A site on a database of the test's own ({@link OwnPostgres}), which the test may take down. */
    public static TestSite onDatabase(String dbUrl, boolean demo) {
        try {
            return new TestSite(Files.createTempDirectory("wargeys-test"), dbUrl, demo, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A demo site that tells a cache in front of it what it purges (cache.purge-url). */
    public static TestSite withPurgeHook(DatabaseKind kind, String purgeUrl) {
        try {
            return new TestSite(
                    Files.createTempDirectory("wargeys-test"),
                    kind.newDatabaseUrl(),
                    true,
                    Map.of(),
                    List.of(),
                    purgeUrl,
                    0,
                    Clock.fixed(NOW, ZoneOffset.UTC));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A site that believes X-Forwarded-* headers from these proxy addresses. */
    public static TestSite behindProxy(DatabaseKind kind, List<String> trustedProxies) {
        try {
            return new TestSite(
                    Files.createTempDirectory("wargeys-test"), kind.newDatabaseUrl(), false, Map.of(), trustedProxies);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops this site and starts the program again on the same data, as a restart would. */
    public TestSite restart() {
        close();
        return new TestSite(dataDir, dbUrl, demo, settings, trustedProxies);
    }

    /**
     * Stops this site and starts the program again on the same data and the same port, as an operator
     * restarting the server would: a browser with the site open finds it back at the same address.
     */
    public TestSite restartOnSamePort() {
        close();
        return new TestSite(dataDir, dbUrl, demo, settings, trustedProxies, purgeUrl, port, clock);
    }

    /** The same data served by a second, independent program (another node behind a load balancer). */
    public TestSite secondNode() {
        // A node of its own (its own search index and media folder) on the same database.
        String shared = dbUrl != null
                ? dbUrl
                : "jdbc:sqlite:" + dataDir.resolve("wargeys.db").toAbsolutePath();
        try {
            return new TestSite(
                    Files.createTempDirectory("wargeys-node"), shared, false, settings, trustedProxies, null, 0, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Wiring wiring() {
        return wiring;
    }

    public String baseUrl() {
        return wiring.platform().site().baseUrl();
    }

    public HttpResponse<String> get(String path) {
        return get(path, Map.of());
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a raw request line, for paths that java.net.URI refuses to build. */
    public RawResponse raw(String requestTarget) {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("GET " + requestTarget + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.flush();
            String response =
                    new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            return new RawResponse(status, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A status and the whole response text (headers and body). */
    public record RawResponse(int status, String text) {}

    public Document html(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        return Jsoup.parse(response.body(), baseUrl() + path);
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The PostgreSQL JDBC URL (user {@code app}), or null for the embedded SQLite under {@link #dataDir()}. */
    public String dbUrl() {
        return dbUrl;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        wiring.close();
    }

    /** Stops the program if it still runs, then removes its data directory. */
    public void deleteData() {
        close();
        deleteFilesAtExit();
    }

    /** Removes the data directory of a site that lives until the test JVM exits (in a shutdown hook). */
    public void deleteFilesAtExit() {
        try (Stream<Path> files = Files.walk(dataDir)) {

            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
