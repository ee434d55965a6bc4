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
 * @param trustedProxies addresses of reverse proxies whose X-Forwarded-Proto and X-Forwarded-For are believed
 * @param passwordMemoryKib Argon2id memory cost in KiB (tests lower it; production keeps the default)
 * @param passwordIterations Argon2id iterations
 * @param pinned the keys the operator set (by flag, environment or config file): what the newsroom's
 *     site settings show as set by the configuration and do not change
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
        Map<String, String> settings,
        List<String> trustedProxies,
        int passwordMemoryKib,
        int passwordIterations,
        java.util.Set<String> pinned) {

    /** OWASP's Argon2id recommendation: 19 MiB, two iterations, one lane. */
    public static final int DEFAULT_PASSWORD_MEMORY_KIB = 19_456;

    public static final int DEFAULT_PASSWORD_ITERATIONS = 2;

    /** A config with the default page cache and password cost, no purge hook, no feature settings, no proxy. */
    public Config(
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
            List<String> languages) {
        this(
                port,
                host,
                dataDir,
                dbUrl,
                dbUser,
                dbPassword,
                baseUrl,
                loadDemo,
                siteName,
                outlet,
                timezone,
                languages,
                64L * 1024 * 1024,
                null,
                Map.of(),
                List.of(),
                DEFAULT_PASSWORD_MEMORY_KIB,
                DEFAULT_PASSWORD_ITERATIONS,
                java.util.Set.of());
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
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        pinned = pinned == null ? java.util.Set.of() : java.util.Set.copyOf(pinned);
        if (passwordMemoryKib < 8 || passwordIterations < 1) {
            throw new IllegalArgumentException("The password hashing cost must be at least 8 KiB and one iteration");
        }
    }

    public boolean embeddedDatabase() {
        return dbUrl == null || dbUrl.isBlank() || dbUrl.startsWith("jdbc:sqlite:");
    }

    public Site site(int actualPort) {
        String base = baseUrl == null || baseUrl.isBlank() ? "http://localhost:" + actualPort : baseUrl;
        return new Site(
                siteName,
                outlet,
                base,
                java.time.ZoneId.of(timezone),
                languages.stream().map(Language::parse).toList());
    }
}
