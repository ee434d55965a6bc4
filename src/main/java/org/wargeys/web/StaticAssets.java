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
 * forever. Only the listed files exist: no request path ever reaches the file system. Thread-safe.
 */
public final class StaticAssets {

    /**
     * One asset: its public path, its bytes and its content type, and the same bytes compressed once at
     * start (gzip; Brotli where the library loads, else null) for text assets, null for others.
     */
    public record Asset(String path, byte[] bytes, String contentType, byte[] gzip, byte[] brotli) {}

    public static final List<String> FILES =
            List.of("site.css", "icon.svg", "share.js", "newsroom.css", "newsroom.js", "editor.js", "editor.css");

    private final Map<String, Asset> byName = new ConcurrentHashMap<>();
    private final Map<String, Asset> byPath = new ConcurrentHashMap<>();

    public StaticAssets() {
        for (String file : FILES) {
            byte[] bytes = read("/public/" + file);
            int dot = file.lastIndexOf('.');
            String path = "/assets/" + file.substring(0, dot) + "." + fingerprint(bytes) + file.substring(dot);
            boolean text = !file.endsWith(".png");
            Asset asset = new Asset(
                    path,
                    bytes,
                    contentType(file),
                    text ? PageCache.gzip(bytes) : null,
                    text ? Brotli.compress(bytes) : null);
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
