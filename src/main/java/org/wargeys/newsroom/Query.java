package org.wargeys.newsroom;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the query strings of the newsroom's filter and page links. Stateless. */
final class Query {

    private Query() {}

    /** The parameters, URL-encoded, in order. */
    static String string(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The parameters with one more (a page cursor). */
    static String string(Map<String, String> parameters, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.put(name, value);
        return string(all);
    }
}
