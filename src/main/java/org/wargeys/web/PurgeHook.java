package org.wargeys.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a CDN which surrogate keys were purged: a POST of {@code {"keys":[…]}} to a configured URL,
 * sent in the background so a slow CDN never slows a publish. Failures are logged, not retried.
 */
interface PurgeHook {

    void purged(Collection<String> keys);

    PurgeHook NONE = keys -> {};

    static PurgeHook to(String url) {
        if (url == null || url.isBlank()) return NONE;
        URI target = URI.create(url);
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Logger log = LoggerFactory.getLogger(PurgeHook.class);
        return keys -> {
            if (keys.isEmpty()) return;
            StringBuilder json = new StringBuilder("{\"keys\":[");
            List<String> list = List.copyOf(keys);
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) json.append(',');
                json.append('"')
                        .append(list.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                        .append('"');
            }
            json.append("]}");
            HttpRequest request = HttpRequest.newBuilder(target)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.toString()))
                    .build();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error != null) log.warn("The purge hook {} failed: {}", target, error.toString());
                else if (response.statusCode() >= 300)
                    log.warn("The purge hook {} answered {}", target, response.statusCode());
            });
        };
    }
}
