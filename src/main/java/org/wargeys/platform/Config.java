package org.wargeys.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything the operator can set, resolved from flags, environment and the config file.
 *
 * @param dbUrl a PostgreSQL JDBC URL, or null for the embedded SQLite database under {@code dataDir}
 * @param cacheBytes the page cache's budget in bytes; 0 turns it off
 * @param purgeUrl where to POST purged surrogate keys for a CDN, or null
 * @param settings the features' own settings by key (such as {@code sharing.networks}); each feature reads
 *     and validates its keys
 */
public record Config(
        int port,
        String host,
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String baseUrl,
        boolean loadDemo,
        String siteName,
        String outlet,
        String timezone,
        List<String> languages,
        long cacheBytes,
        String purgeUrl,
        Map<String, String> settings) {

    /** A config with the default page cache, no purge hook and no feature settings. */
    public Config(int port, String host, Path dataDir, String dbUrl, String dbUser, String dbPassword, String baseUrl,
            boolean loadDemo, String siteName, String outlet, String timezone, List<String> languages) {
        this(port, host, dataDir, dbUrl, dbUser, dbPassword, baseUrl, loadDemo, siteName, outlet, timezone, languages,
                64L * 1024 * 1024, null, Map.of());
    }

    public Config {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("The port must be between 0 and 65535, not " + port);
        }
        languages = List.copyOf(languages);
        if (cacheBytes < 0) {
            throw new IllegalArgumentException("The page cache size cannot be negative");
        }
        settings = Map.copyOf(settings);
    }

    public boolean embeddedDatabase() {
        return dbUrl == null || dbUrl.isBlank() || dbUrl.startsWith("jdbc:sqlite:");
    }

    public Site site(int actualPort) {
        String base = baseUrl == null || baseUrl.isBlank() ? "http://localhost:" + actualPort : baseUrl;
        return new Site(siteName, outlet, base, java.time.ZoneId.of(timezone),
                languages.stream().map(Language::of).toList());
    }
}
