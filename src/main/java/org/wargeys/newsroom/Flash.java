package org.wargeys.newsroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wargeys.web.Messages;

/**
 * The one-line confirmation shown after an action ("Scheduled for 14:00 EAT"): the action's handler
 * sets it before redirecting, the next newsroom page shows it once, in the staff member's language.
 * It travels in a short-lived cookie under /admin holding a message key and its values (never
 * worded text, so it is worded in whatever language the next page is in); only newsroom keys are
 * shown, and every value is escaped by the template, so a forged cookie can only show its sender a
 * sentence of ours. Times are kept as instants and shown in the site's time zone. Stateless.
 */
final class Flash {

    static final String COOKIE = "wargeys_flash";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TIME_MARK = "\u0000time:";

    private Flash() {}

    /** A value shown as a time in the site's zone ("14:00 EAT", with the date when it is not today). */
    static String time(Instant instant) {
        return TIME_MARK + instant.toEpochMilli();
    }

    /** Sets the message the next newsroom page shows. */
    static void set(Context ctx, StaffGate gate, String key, Map<String, ?> values) {
        ObjectNode node = JSON.createObjectNode().put("k", key);
        ObjectNode args = node.putObject("a");
        values.forEach((name, value) -> args.put(name, String.valueOf(value)));
        String encoded = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
        gate.setCookie(ctx, COOKIE, encoded, 120);
    }

    static void set(Context ctx, StaffGate gate, String key) {
        set(ctx, gate, key, Map.of());
    }

    /** The message set for this page, worded, and forgotten; null if there is none (or it is not ours). */
    static String take(Context ctx, Messages msg, ZoneId zone, Instant now) {
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null || cookie.isEmpty()) return null;
        // Forgotten whatever it holds: shown once.
        String secure = "https".equalsIgnoreCase(ctx.req().getScheme())
                        || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"))
                ? "; Secure"
                : "";
        ctx.res().addHeader("Set-Cookie", COOKIE + "=; Path=/admin; HttpOnly; SameSite=Lax; Max-Age=0" + secure);
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(cookie));
            String key = node.path("k").asText("");
            if (!key.startsWith("newsroom.") || msg.get(key).startsWith("[")) return null;
            Map<String, String> values = new LinkedHashMap<>();
            node.path("a").fields().forEachRemaining(e -> {
                String value = e.getValue().asText();
                values.put(e.getKey(), value.startsWith(TIME_MARK) ? when(value, msg, zone, now) : value);
            });
            return msg.format(key, values);
        } catch (java.io.IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String when(String marked, Messages msg, ZoneId zone, Instant now) {
        Instant at = Instant.ofEpochMilli(Long.parseLong(marked.substring(TIME_MARK.length())));
        return Times.zoned(at, msg, zone, now);
    }
}
