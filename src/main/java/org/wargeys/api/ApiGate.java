package org.wargeys.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.wargeys.web.Admission;
import org.wargeys.web.Messages;

/**
 * What every Content API request passes, answered from the page cache or not: CORS for the configured
 * origins (and their preflight), the content key if one is sent (or required), and the rate limit of
 * the key or, without one, of the address. Refusals are problem details in the asker's language.
 * Limits are counted on each node. Thread-safe.
 */
final class ApiGate implements Admission {

    static final String KEY_HEADER = "X-Api-Key";
    private static final String EXPOSED =
            "ETag, Last-Modified, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset";
    private static final byte[] NOTHING = new byte[0];

    private final ApiSettings settings;
    private final ContentKeys keys;
    private final RateLimiter limiter;
    private final Problems problems;
    private final List<String> trustedProxies;

    ApiGate(
            ApiSettings settings,
            ContentKeys keys,
            RateLimiter limiter,
            Problems problems,
            List<String> trustedProxies) {
        this.settings = settings;
        this.keys = keys;
        this.limiter = limiter;
        this.problems = problems;
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    @Override
    public boolean admit(Asker asker) {
        String allowed = settings.allowedOrigin(asker.header("Origin"));
        if (allowed != null) {
            asker.header("Access-Control-Allow-Origin", allowed);
            asker.header("Access-Control-Expose-Headers", EXPOSED);
        }
        if (asker.method().equals("OPTIONS")) {
            if (allowed != null) {
                asker.header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
                asker.header(
                        "Access-Control-Allow-Headers", "X-Api-Key, If-None-Match, If-Modified-Since, Accept-Language");
                asker.header("Access-Control-Max-Age", "600");
            }
            if (settings.variesByOrigin()) asker.header("Vary", "Origin");
            asker.refuse(204, null, NOTHING);
            return false;
        }
        String value = asker.header(KEY_HEADER);
        String client;
        int limit;
        if (value != null) {
            var key = keys.find(value);
            if (key.isEmpty()) return refuse(asker, 401, "unauthorized", "api.error.key_unknown");
            client = "key:" + key.get().id();
            limit = key.get().perMinute();
        } else if (settings.keysRequired()) {
            return refuse(asker, 401, "unauthorized", "api.error.key_required");
        } else {
            client = "address:" + address(asker.peerAddress(), asker.header("X-Forwarded-For"));
            limit = settings.perAddress();
        }
        return count(asker, client, limit);
    }

    /** Counts a request of the client against its limit; refuses it (429) past the limit. */
    boolean count(Asker asker, String client, int limit) {
        RateLimiter.Verdict verdict = limiter.count(client, limit);
        asker.header("RateLimit-Limit", String.valueOf(verdict.limit()));
        asker.header("RateLimit-Remaining", String.valueOf(verdict.remaining()));
        asker.header("RateLimit-Reset", String.valueOf(verdict.resetSeconds()));
        if (verdict.allowed()) return true;
        asker.header("Retry-After", String.valueOf(verdict.resetSeconds()));
        return refuse(asker, 429, "rate-limited", "api.error.rate_limited");
    }

    private boolean refuse(Asker asker, int status, String kind, String key) {
        Messages msg = problems.messages(asker.header("Accept-Language"));
        asker.header("Cache-Control", "no-store");
        asker.header("Content-Language", msg.language().code());
        asker.refuse(status, Problems.TYPE, problems.body(msg, status, kind, msg.format(key, Map.of()), asker.path()));
        return false;
    }

    /**
     * The client's address: the connection's peer, or, when that peer is a trusted proxy, the last
     * address the proxy added to X-Forwarded-For.
     */
    String address(String peer, String forwarded) {
        if (forwarded != null && !forwarded.isBlank() && trustedProxies.contains(peer)) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        return peer;
    }

    String address(Context ctx) {
        return address(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
    }

    /** The asker of a request Javalin routes (a preflight, an uncached answer, the admin API). */
    static Asker asker(Context ctx) {
        return Asker.of(ctx);
    }
}
