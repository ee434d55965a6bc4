package org.wargeys.platform;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Resolves the {@link Config}: a command-line flag wins over an environment variable, which wins over
 * the config file, which wins over the built-in default. Each setting has one key, used as
 * {@code key} in the file and as {@code WARGEYS_KEY} (upper case, dots as underscores) in the
 * environment.
 */
public final class ConfigLoader {

    public static final String PORT = "port";
    public static final String HOST = "host";
    public static final String DATA = "data";
    public static final String DB_URL = "db.url";
    public static final String DB_USER = "db.user";
    public static final String DB_PASSWORD = "db.password";
    public static final String BASE_URL = "base.url";
    public static final String DEMO = "demo";
    public static final String SITE_NAME = "site.name";
    public static final String OUTLET = "site.outlet";
    public static final String TIMEZONE = "site.timezone";
    public static final String LANGUAGES = "site.languages";
    public static final String CACHE_MEGABYTES = "cache.megabytes";
    public static final String PURGE_URL = "cache.purge-url";
    public static final String SHARING_NETWORKS = "sharing.networks";
    public static final String X_HANDLE = "sharing.x_handle";

    /** The features' settings: passed through to {@link Config#settings()} for the feature to validate. */
    public static final List<String> FEATURE_KEYS = List.of(
            "sharing.networks",
            "sharing.x_handle",
            "sharing.utm",
            "sharing.utm.medium",
            "sharing.utm.campaign",
            "sharing.social_proof_threshold",
            "sharing.beacon_limit_per_minute",
            "backup.every",
            "backup.keep",
            "backup.dir",
            // Issue 19: object storage, images, metrics and logs (docs/deploy.md).
            "media.store",
            "media.public_url",
            "media.webp",
            "media.s3.endpoint",
            "media.s3.region",
            "media.s3.path_style",
            "media.s3.access_key",
            "media.s3.secret_key",
            "metrics.port",
            "metrics.host",
            "metrics.token",
            "log.format",
            // The API and webhooks (docs/api.md).
            "api.cors_origins",
            "api.content_keys",
            "api.rate_limit_per_minute",
            "api.key_rate_limit_per_minute",
            "api.token_rate_limit_per_minute",
            "webhook.allow_private_targets",
            // Mail (docs/mail.md); mail.smtp.password only from the environment (SECRETS_FROM_ENVIRONMENT).
            "mail.smtp.host",
            "mail.smtp.port",
            "mail.smtp.security",
            "mail.smtp.user",
            "mail.smtp.password",
            "mail.smtp.ssl_trust",
            "mail.from",
            "mail.rate_per_minute",
            // Optional DKIM signing: the key is a file's path (the file itself stays out of the config).
            "mail.dkim.domain",
            "mail.dkim.selector",
            "mail.dkim.key");

    /**
     * Secrets read from the environment only: a config file is often readable by more people (and
     * copied into backups and tickets) than the service's environment. One in a file is refused.
     */
    public static final List<String> SECRETS_FROM_ENVIRONMENT = List.of("mail.smtp.password");

    public static final String TRUSTED_PROXIES = "trusted.proxies";
    public static final String PASSWORD_MEMORY_KIB = "password.memory.kib";
    public static final String PASSWORD_ITERATIONS = "password.iterations";

    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry(PORT, "8080"),
            Map.entry(HOST, "0.0.0.0"),
            Map.entry(DATA, "data"),
            Map.entry(DEMO, "true"),
            Map.entry(SITE_NAME, "Warsoor"),
            Map.entry(OUTLET, "WARSOOR"),
            Map.entry(TIMEZONE, "Africa/Mogadishu"),
            Map.entry(LANGUAGES, "en,so,ar"),
            Map.entry(CACHE_MEGABYTES, "64"),
            // Metrics on loopback only (docs/deploy.md); "off" for none.
            Map.entry("metrics.port", "9464"),
            Map.entry(TRUSTED_PROXIES, ""),
            Map.entry(PASSWORD_MEMORY_KIB, String.valueOf(Config.DEFAULT_PASSWORD_MEMORY_KIB)),
            Map.entry(PASSWORD_ITERATIONS, String.valueOf(Config.DEFAULT_PASSWORD_ITERATIONS)));

    private final Map<String, String> environment;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * @param flags settings given on the command line (absent keys were not given)
     * @param configFile an optional properties file; null for none
     */
    public Config load(Map<String, String> flags, Path configFile) {
        Map<String, String> file = configFile == null ? Map.of() : readFile(configFile);
        Map<String, String> merged = new HashMap<>(DEFAULTS);
        java.util.Set<String> pinned = new java.util.HashSet<>();
        for (String key : allKeys()) {
            String fromFile = file.get(key);
            String fromEnv = environment.get(envName(key));
            String fromFlag = flags.get(key);
            if (SECRETS_FROM_ENVIRONMENT.contains(key)) {
                if (fromFile != null || fromFlag != null) {
                    throw new IllegalArgumentException("The setting " + key + " is read from the environment only ("
                            + envName(key) + "), never from a file or a flag");
                }
            }
            if (fromFile != null || (fromEnv != null && !fromEnv.isBlank()) || fromFlag != null) pinned.add(key);
            if (fromFile != null) merged.put(key, fromFile.trim());
            if (fromEnv != null && !fromEnv.isBlank()) merged.put(key, fromEnv.trim());
            if (fromFlag != null) merged.put(key, fromFlag.trim());
        }
        return new Config(
                parsePort(merged.get(PORT)),
                merged.get(HOST),
                Path.of(merged.get(DATA)),
                blankToNull(merged.get(DB_URL)),
                blankToNull(merged.get(DB_USER)),
                blankToNull(merged.get(DB_PASSWORD)),
                blankToNull(merged.get(BASE_URL)),
                Boolean.parseBoolean(merged.get(DEMO)),
                merged.get(SITE_NAME),
                merged.get(OUTLET),
                merged.get(TIMEZONE),
                list(merged.get(LANGUAGES)),
                parseMegabytes(merged.get(CACHE_MEGABYTES)) * 1024 * 1024,
                blankToNull(merged.get(PURGE_URL)),
                featureSettings(merged),
                list(merged.get(TRUSTED_PROXIES)),
                parseInt(PASSWORD_MEMORY_KIB, merged.get(PASSWORD_MEMORY_KIB)),
                parseInt(PASSWORD_ITERATIONS, merged.get(PASSWORD_ITERATIONS)),
                pinned);
    }

    private static Map<String, String> featureSettings(Map<String, String> merged) {
        Map<String, String> settings = new HashMap<>();
        for (String key : FEATURE_KEYS) {
            if (merged.get(key) != null) settings.put(key, merged.get(key));
        }
        return settings;
    }

    public static String envName(String key) {
        return "WARGEYS_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    }

    private static List<String> allKeys() {
        List<String> keys = new java.util.ArrayList<>(List.of(
                PORT,
                HOST,
                DATA,
                DB_URL,
                DB_USER,
                DB_PASSWORD,
                BASE_URL,
                DEMO,
                SITE_NAME,
                OUTLET,
                TIMEZONE,
                LANGUAGES,
                CACHE_MEGABYTES,
                PURGE_URL,
                TRUSTED_PROXIES,
                PASSWORD_MEMORY_KIB,
                PASSWORD_ITERATIONS));
        keys.addAll(FEATURE_KEYS);
        return keys;
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The setting " + key + " must be a number, not '" + value + "'");
        }
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The port must be a number, not '" + value + "'");
        }
    }

    private static long parseMegabytes(String value) {
        try {
            long megabytes = Long.parseLong(value);
            if (megabytes < 0 || megabytes > 1_000_000) throw new NumberFormatException();
            return megabytes;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "The page cache size is a whole number of megabytes (0 turns it off), not '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Map<String, String> readFile(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the config file " + path + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }
}
