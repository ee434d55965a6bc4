package org.wargeys.platform;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site settings an administrator changes in the newsroom — the site's name, the outlet named in
 * datelines, the time zone, the languages (with their direction) and the share networks — stored in
 * {@code site_settings} over the configuration's defaults (the site's X account is stored there too,
 * but takes effect at once: {@code sharing.SiteXAccount}). A value the operator
 * set (flag, environment or config file) is pinned: it wins, and the newsroom shows it as set there.
 * Stored values are read when the program starts ({@link #apply}), so a change takes effect at the
 * next start: the site, its name and languages are captured by every feature (docs/decisions/0009).
 * Thread-safe.
 */
public final class SiteSettings {

    private static final Logger LOG = LoggerFactory.getLogger(SiteSettings.class);

    /** The keys the newsroom may store, in the order the settings page shows them. */
    public static final List<String> KEYS = List.of(
            ConfigLoader.SITE_NAME,
            ConfigLoader.OUTLET,
            ConfigLoader.TIMEZONE,
            ConfigLoader.LANGUAGES,
            ConfigLoader.SHARING_NETWORKS);

    /**
     * One setting as the page shows it.
     *
     * @param running the value this program runs with
     * @param next the value it will run with after the next start (the stored one, or the running one)
     * @param pinned true when the operator's configuration sets it (not changeable here)
     */
    public record Setting(String key, String running, String next, boolean pinned) {
        public boolean changesAtRestart() {
            return !running.equals(next);
        }
    }

    private final Jdbi jdbi;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Config running;

    SiteSettings(Jdbi jdbi, Transactions transactions, AuditLog audit, Config running) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.audit = audit;
        this.running = running;
    }

    /**
     * The configuration with the stored settings over its defaults; pinned keys keep the
     * configuration's value. A stored value this version cannot use (an unknown time zone) is left out
     * and logged, so that a bad row never stops the site from starting.
     */
    static Config apply(Config config, Jdbi jdbi) {
        Map<String, String> stored = read(jdbi);
        String name = config.siteName();
        String outlet = config.outlet();
        String timezone = config.timezone();
        List<String> languages = config.languages();
        Map<String, String> settings = new HashMap<>(config.settings());
        for (var entry : stored.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            if (config.pinned().contains(key)) continue;
            var problem = problem(key, value);
            if (problem != null) {
                LOG.warn("The stored site setting {} = '{}' is ignored: {}", key, value, problem);
                continue;
            }
            switch (key) {
                case ConfigLoader.SITE_NAME -> name = value;
                case ConfigLoader.OUTLET -> outlet = value;
                case ConfigLoader.TIMEZONE -> timezone = value;
                case ConfigLoader.LANGUAGES -> languages = split(value);
                default -> settings.put(key, value);
            }
        }
        return new Config(
                config.port(),
                config.host(),
                config.dataDir(),
                config.dbUrl(),
                config.dbUser(),
                config.dbPassword(),
                config.baseUrl(),
                config.loadDemo(),
                name,
                outlet,
                timezone,
                languages,
                config.cacheBytes(),
                config.purgeUrl(),
                settings,
                config.trustedProxies(),
                config.passwordMemoryKib(),
                config.passwordIterations(),
                config.pinned());
    }

    /** Every setting with its running value, its value after the next start, and whether it is pinned. */
    public List<Setting> all() {
        Map<String, String> stored = read(jdbi);
        List<Setting> all = new ArrayList<>();
        for (String key : KEYS) {
            String now = value(running, key);
            boolean pinned = running.pinned().contains(key);
            String next = pinned ? now : stored.getOrDefault(key, now);
            all.add(new Setting(key, now, next, pinned));
        }
        return all;
    }

    /** The value a setting will have after the next start. */
    public String next(String key) {
        return all().stream()
                .filter(s -> s.key().equals(key))
                .findFirst()
                .orElseThrow()
                .next();
    }

    /**
     * Stores new values (key → value) for the next start, in one transaction with an audit line per
     * change. Refused whole if any is pinned or invalid; values equal to what is stored are skipped.
     *
     * @return the keys whose value changed
     */
    public List<String> save(Map<String, String> values, Actor actor) {
        ValidationException.Collector errors = ValidationException.collector();
        Map<String, String> clean = new LinkedHashMap<>();
        for (var entry : values.entrySet()) {
            String key = entry.getKey();
            if (!KEYS.contains(key)) throw new IllegalArgumentException("Not a site setting: " + key);
            String value = entry.getValue() == null ? "" : entry.getValue().strip();
            if (running.pinned().contains(key)) {
                errors.add(field(key), "settings.error.pinned");
                continue;
            }
            var problem = problem(key, value);
            if (problem != null) errors.add(field(key), problem.key(), problem.args());
            clean.put(key, value);
        }
        errors.throwIfAny();
        Map<String, String> before = new HashMap<>();
        all().forEach(s -> before.put(s.key(), s.next()));
        return transactions.write(tx -> {
            List<String> changed = new ArrayList<>();
            for (var entry : clean.entrySet()) {
                if (entry.getValue().equals(before.get(entry.getKey()))) continue;
                tx.handle()
                        .createUpdate("""
                                INSERT INTO site_settings (key, value) VALUES (:key, :value)
                                ON CONFLICT (key) DO UPDATE SET value = excluded.value""")
                        .bind("key", entry.getKey())
                        .bind("value", entry.getValue())
                        .execute();
                audit.record(tx, actor, "settings.site", "site", entry.getKey() + " = " + entry.getValue());
                changed.add(entry.getKey());
            }
            return changed;
        });
    }

    /** The form field a setting's error belongs to. */
    public static String field(String key) {
        return key.replace('.', '_');
    }

    /** What is wrong with a value for a key, or null. */
    static Problem problem(String key, String value) {
        switch (key) {
            case ConfigLoader.SITE_NAME -> {
                if (value.isBlank() || value.length() > 100)
                    return Problem.of("settings.error.name", Map.of("max", 100));
            }
            case ConfigLoader.OUTLET -> {
                if (value.isBlank() || value.length() > 40)
                    return Problem.of("settings.error.outlet", Map.of("max", 40));
            }
            case ConfigLoader.TIMEZONE -> {
                try {
                    ZoneId.of(value);
                } catch (DateTimeException e) {
                    return Problem.of("settings.error.timezone", Map.of("zone", value));
                }
            }
            case ConfigLoader.LANGUAGES -> {
                List<String> specs = split(value);
                if (specs.isEmpty()) return Problem.of("settings.error.languages_empty");
                Set<String> codes = new java.util.HashSet<>();
                for (String spec : specs) {
                    try {
                        if (!codes.add(Language.parse(spec).code())) {
                            return Problem.of("settings.error.language_twice", Map.of("code", spec));
                        }
                    } catch (IllegalArgumentException e) {
                        return Problem.of("settings.error.language_code", Map.of("code", spec));
                    }
                }
            }
            case ConfigLoader.SHARING_NETWORKS -> {
                if (!value.matches("[a-z]+(,[a-z]+)*")) return Problem.of("settings.error.networks");
            }
            default -> {
                return null;
            }
        }
        return null;
    }

    /** A setting's value in a configuration, as the setting writes it. */
    static String value(Config config, String key) {
        return switch (key) {
            case ConfigLoader.SITE_NAME -> config.siteName();
            case ConfigLoader.OUTLET -> config.outlet();
            case ConfigLoader.TIMEZONE -> config.timezone();
            case ConfigLoader.LANGUAGES ->
                String.join(
                        ",",
                        config.languages().stream()
                                .map(l -> Language.parse(l).spec())
                                .toList());
            case ConfigLoader.SHARING_NETWORKS -> config.settings().getOrDefault(key, DEFAULT_NETWORKS);
            default -> config.settings().getOrDefault(key, "");
        };
    }

    /** The share bar's networks when nothing sets them (as sharing.ShareSettings has them). */
    static final String DEFAULT_NETWORKS = "x,facebook,whatsapp,telegram,linkedin,email,copy";

    private static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        for (String p : value.split(",")) if (!p.isBlank()) parts.add(p.strip());
        return parts;
    }

    private static Map<String, String> read(Jdbi jdbi) {
        Map<String, String> stored = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT key, value FROM site_settings WHERE key IN (<keys>)")
                .bindList("keys", KEYS)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> stored.put(e.getKey(), e.getValue())));
        return stored;
    }
}
