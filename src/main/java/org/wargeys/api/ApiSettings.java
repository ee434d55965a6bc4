package org.wargeys.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operator's settings of the API (docs/api.md): the origins whose pages may read the Content API
 * (CORS), whether a content key is required, and the rate limits per minute of an address, of a
 * content key (its default) and of a personal access token. Limits are counted on each node. Immutable.
 *
 * @param corsOrigins origins allowed to read from browsers; {@code *} for any; empty for none
 */
public record ApiSettings(List<String> corsOrigins, boolean keysRequired, int perAddress, int perKey, int perToken) {

    public static final int DEFAULT_PER_ADDRESS = 300;
    public static final int DEFAULT_PER_KEY = 1_200;
    public static final int DEFAULT_PER_TOKEN = 600;

    public ApiSettings {
        corsOrigins = List.copyOf(corsOrigins);
    }

    /** @throws IllegalArgumentException naming the setting that is wrong */
    public static ApiSettings from(Map<String, String> settings) {
        List<String> origins = Arrays.stream(
                        settings.getOrDefault("api.cors_origins", "").split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(o -> o.equals("*") ? o : o.replaceAll("/+$", "").toLowerCase(Locale.ROOT))
                .toList();
        for (String origin : origins) {
            if (!origin.equals("*") && !origin.matches("https?://[a-z0-9.-]+(:[0-9]{1,5})?")) {
                throw new IllegalArgumentException(
                        "api.cors_origins lists origins such as https://app.example.org, or *; not " + origin);
            }
        }
        String keys = settings.getOrDefault("api.content_keys", "optional").strip();
        if (!keys.equals("optional") && !keys.equals("required")) {
            throw new IllegalArgumentException("api.content_keys is optional or required, not " + keys);
        }
        return new ApiSettings(
                origins,
                keys.equals("required"),
                limit(settings, "api.rate_limit_per_minute", DEFAULT_PER_ADDRESS),
                limit(settings, "api.key_rate_limit_per_minute", DEFAULT_PER_KEY),
                limit(settings, "api.token_rate_limit_per_minute", DEFAULT_PER_TOKEN));
    }

    private static int limit(Map<String, String> settings, String key, int fallback) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is a number of requests per minute, at least 1; not " + value);
        }
    }

    /** The value of Access-Control-Allow-Origin for a request from {@code origin}, or null. */
    String allowedOrigin(String origin) {
        if (origin == null || corsOrigins.isEmpty()) return null;
        if (corsOrigins.contains("*")) return "*";
        String normal = origin.toLowerCase(Locale.ROOT);
        return corsOrigins.contains(normal) ? origin : null;
    }

    /** Whether answers differ by Origin (named origins), which caches must know. */
    boolean variesByOrigin() {
        return !corsOrigins.isEmpty() && !corsOrigins.contains("*");
    }
}
