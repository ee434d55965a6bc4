package org.wargeys.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A public page as its handler rendered it: the bytes, their type, and the surrogate keys naming
 * what it shows ({@code article-12}, {@code home-en}…), so that the {@link PageCache} can keep it and
 * purge it exactly when one of those things changes.
 */
public record CacheablePage(byte[] body, String contentType, Set<String> keys, String cacheControl, String vary) {

    static final String ATTRIBUTE = "wargeys.cacheable-page";

    public CacheablePage {
        keys = Set.copyOf(keys);
    }

    public CacheablePage(byte[] body, String contentType, Set<String> keys) {
        this(body, contentType, keys, null, null);
    }

    /**
     * Hands an answer to the cache wrapper with its own Cache-Control and Vary (null: the pages'
     * defaults), for answers that vary by more than the encoding (the API, by Origin).
     */
    public static void respond(
            Context ctx, byte[] body, String contentType, Set<String> keys, String cacheControl, String vary) {
        ctx.attribute(ATTRIBUTE, new CacheablePage(body, contentType, keys, cacheControl, vary));
    }

    /** Hands a rendered page to the cache wrapper, which writes it with its HTTP caching headers. */
    public static void respond(Context ctx, String body, String contentType, Set<String> keys) {
        ctx.attribute(ATTRIBUTE, new CacheablePage(body.getBytes(StandardCharsets.UTF_8), contentType, keys));
    }

    public static void html(Context ctx, String body, Set<String> keys) {
        respond(ctx, body, PageRenderer.HTML, keys);
    }
}
