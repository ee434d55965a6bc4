package org.wargeys.importer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the one shape of PHP-serialized array Polylang writes into term descriptions: string keys
 * (language codes) to integer IDs, {@code a:2:{s:2:"en";i:12;s:2:"so";i:34;}}. Anything else yields
 * an empty map. Never deserializes objects.
 */
final class PhpArray {

    private static final Pattern ENTRY = Pattern.compile("s:\\d+:\"([^\"]*)\";i:(\\d+);");

    private PhpArray() {}

    static Map<String, Long> stringToIds(String serialized) {
        Map<String, Long> map = new LinkedHashMap<>();
        if (serialized == null || !serialized.startsWith("a:")) return map;
        Matcher m = ENTRY.matcher(serialized);
        while (m.find()) {
            map.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return map;
    }
}
