package org.wargeys.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is wrong, as a message key and the values of its named placeholders: the web layer words it in
 * the reader's or staff member's language, the terminal in English. Immutable.
 */
public record Problem(String key, Map<String, Object> args) {

    public Problem {
        if (key == null || key.isBlank()) throw new IllegalArgumentException("A problem has a message key");
        args = args == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    public static Problem of(String key) {
        return new Problem(key, Map.of());
    }

    @SuppressWarnings("unchecked")
    public static Problem of(String key, Map<String, ?> args) {
        return new Problem(key, (Map<String, Object>) args);
    }

    @Override
    public String toString() {
        return args.isEmpty() ? key : key + " " + args;
    }
}
