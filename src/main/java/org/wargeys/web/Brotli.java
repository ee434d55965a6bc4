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

    // Quality 9 compresses a 20 KB page in about a millisecond, once per page render; 11 is ten times slower.
    private static final Encoder.Parameters PARAMETERS = new Encoder.Parameters().setQuality(9).setMode(Encoder.Mode.TEXT);
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
            LoggerFactory.getLogger(Brotli.class).warn("Brotli is unavailable on this platform; serving gzip only: {}", e.toString());
            return false;
        }
    }
}
