package org.wargeys.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.wargeys.platform.Hashes;

/**
 * The site's own CSS, JavaScript and icons, read once from {@code public/} on the classpath and served
 * from memory under fingerprinted names ({@code /assets/site.1a2b3c4d5e.css}), so they can be cached
 * forever. Text assets are compressed once, with gzip and brotli, when read: served as pages are, by
 * the reader's Accept-Encoding. Only the listed files exist: no request path ever reaches the file
 * system. Thread-safe.
 */
public final class StaticAssets {

    /**
     * One asset: its public path, its bytes and its content type, and its gzip and brotli copies (null
     * where compression does not pay, or brotli is unavailable).
     */
    public record Asset(String path, byte[] bytes, String contentType, byte[] gzip, byte[] brotli) {

        /** The bytes to send for an Accept-Encoding header, and the content coding they are in (null: none). */
        public Encoded encoded(String acceptEncoding) {
            if (brotli != null && PageCache.accepts(acceptEncoding, "br")) return new Encoded(brotli, "br");
            if (gzip != null && PageCache.accepts(acceptEncoding, "gzip")) return new Encoded(gzip, "gzip");
            return new Encoded(bytes, null);
        }
    }

    /** An asset's bytes in one content coding. */
    public record Encoded(byte[] bytes, String coding) {}

    public static final List<String> FILES = List.of(
            "site.css",
            "icon.svg",
            "share.js",
            "newsroom.css",
            "newsroom.js",
            "editor.js",
            "editor.css",
            "live.js",
            "live-composer.js",
            "live-composer.css");

    private final Map<String, Asset> byName = new ConcurrentHashMap<>();
    private final Map<String, Asset> byPath = new ConcurrentHashMap<>();

    public StaticAssets() {
        for (String file : FILES) {
            byte[] bytes = read("/public/" + file);
            int dot = file.lastIndexOf('.');
            String path = "/assets/" + file.substring(0, dot) + "." + fingerprint(bytes) + file.substring(dot);
            String type = contentType(file);
            boolean text = type.startsWith("text/") || type.startsWith("image/svg");
            byte[] gzip = text ? smaller(PageCache.gzip(bytes), bytes) : null;
            byte[] brotli = text ? smaller(Brotli.compress(bytes), bytes) : null;
            Asset asset = new Asset(path, bytes, type, gzip, brotli);
            byName.put(file, asset);
            byPath.put(path, asset);
        }
    }

    /** The fingerprinted path of a listed file, for templates. */
    public String url(String file) {
        Asset asset = byName.get(file);
        if (asset == null) throw new IllegalArgumentException("No static asset " + file);
        return asset.path();
    }

    public Optional<Asset> byPath(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    private static byte[] smaller(byte[] compressed, byte[] plain) {
        return compressed != null && compressed.length < plain.length ? compressed : null;
    }

    private static byte[] read(String resource) {
        try (InputStream in = StaticAssets.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("Missing static asset " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fingerprint(byte[] bytes) {
        return Hashes.sha256(bytes, 10);
    }

    private static String contentType(String file) {
        if (file.endsWith(".css")) return "text/css; charset=utf-8";
        if (file.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (file.endsWith(".svg")) return "image/svg+xml";
        if (file.endsWith(".png")) return "image/png";
        return "application/octet-stream";
    }
}
