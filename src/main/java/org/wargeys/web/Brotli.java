package org.wargeys.web;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.IOException;
import org.slf4j.LoggerFactory;

/**
 * Brotli compression through brotli4j's bundled native library. Where the library cannot load (an
 * unsupported platform), {@link #compress} returns null and pages are served with gzip only.
 */
final class Brotli {

    // Quality 5 with a 256 KB window: close to the best ratio for pages of tens of kilobytes, at gzip's
    // speed. The default 4 MB window made every call allocate and clear megabytes (seen in bench/run.sh).
    private static final Encoder.Parameters PARAMETERS =
            new Encoder.Parameters().setQuality(5).setWindow(18).setMode(Encoder.Mode.TEXT);
    private static final boolean AVAILABLE = load();

    private Brotli() {}

    static byte[] compress(byte[] bytes) {
        if (!AVAILABLE) return null;
        try {
            return Encoder.compress(bytes, PARAMETERS);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean load() {
        try {
            Brotli4jLoader.ensureAvailability();
            return true;
        } catch (Throwable e) {
            LoggerFactory.getLogger(Brotli.class)
                    .warn("Brotli is unavailable on this platform; serving gzip only: {}", e.toString());
            return false;
        }
    }
}
