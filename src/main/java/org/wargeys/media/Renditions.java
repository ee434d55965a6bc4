package org.wargeys.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Decodes an upload and re-encodes it at the responsive widths. Re-encoding from pixels is what
 * strips EXIF, GPS and every other metadata: only pixels are written. Stateless.
 */
final class Renditions {

    static final int[] WIDTHS = {320, 640, 1024, 1600};
    static final int MAX_SIDE = 12_000;
    static final long MAX_PIXELS = 50_000_000L;

    private Renditions() {}

    /** Decodes the bytes, refusing images too large to decode safely (decompression bombs). */
    /**
     * @param decoding megabytes of decoded pixels that may be held at once (shared by the uploads in
     *     flight; each decode takes its share and gives it back)
     */
    static BufferedImage decode(byte[] bytes, ImageType type, java.util.concurrent.Semaphore decoding) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = reader(ImageIO.getImageReaders(in));
            if (reader == null) throw ImageRejected.because("media.error.unreadable", java.util.Map.of("type", type));
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
                    throw ImageRejected.because(
                            "media.error.too_many_pixels",
                            java.util.Map.of(
                                    "width", width,
                                    "height", height,
                                    "side", MAX_SIDE,
                                    "megapixels", MAX_PIXELS / 1_000_000));
                }
                // A large photo is read at a fraction of its size (every n-th pixel), still at least
                // twice the largest rendition: a 49-megapixel upload costs tens of megabytes, not 200,
                // and the decodes running at once never hold more than a third of the heap.
                int factor = subsampling(width, height);
                long pixelBytes = 4L * (width / factor + 1) * (height / factor + 1);
                int megabytes = (int) Math.min(decodeBudgetMegabytes(), Math.max(1, pixelBytes >> 20));
                decoding.acquireUninterruptibly(megabytes);
                try {
                    javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
                    if (factor > 1) param.setSourceSubsampling(factor, factor, 0, 0);
                    return reader.read(0, param);
                } finally {
                    decoding.release(megabytes);
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof org.wargeys.platform.ValidationException v) throw v;
            throw ImageRejected.because("media.error.undecodable", java.util.Map.of("type", type));
        }
    }

    // Uploads are decoded by the pure-Java readers (TwelveMonkeys for WebP); the native libwebp reader
    // that comes with the WebP encoder is left for what we wrote ourselves.
    private static ImageReader reader(Iterator<ImageReader> readers) {
        ImageReader chosen = null;
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            boolean nativeReader = reader.getClass().getName().startsWith("com.luciad.");
            if (chosen == null || !nativeReader) {
                if (!nativeReader) return reader;
                chosen = reader;
            }
        }
        return chosen;
    }

    /** Decoded pixels are kept under this many megabytes at once, whatever the uploads in flight. */
    static int decodeBudgetMegabytes() {
        return (int) Math.max(16, Runtime.getRuntime().maxMemory() / 3 / (1024 * 1024));
    }

    /** About eight megapixels: twice the largest rendition's width in both directions, for a 4:3 photo. */
    static final long DECODED_PIXELS = 2L * WIDTHS[WIDTHS.length - 1] * 2 * WIDTHS[WIDTHS.length - 1] * 3 / 4;

    /** Every how many pixels a large image is read: enough for the largest rendition, no more. */
    static int subsampling(int width, int height) {
        int byPixels = (int) Math.ceil(Math.sqrt((double) width * height / DECODED_PIXELS));
        int byWidth = Math.max(1, width / WIDTHS[WIDTHS.length - 1]);
        return Math.max(1, Math.min(byPixels, byWidth));
    }

    static List<Integer> widths(int original) {

        List<Integer> widths = new ArrayList<>();
        for (int w : WIDTHS) {
            if (w < original) widths.add(w);
        }
        int largest = Math.min(original, WIDTHS[WIDTHS.length - 1]);
        if (!widths.contains(largest)) widths.add(largest);
        return widths;
    }

    static byte[] encode(BufferedImage source, int width, boolean png) {
        return encode(scale(source, width, png), png);
    }

    /** The source drawn at a rendition's width (on white for a photo: JPEG has no transparency). */
    static BufferedImage scale(BufferedImage source, int width, boolean png) {
        int height = Math.max(1, Math.round((float) source.getHeight() * width / source.getWidth()));
        BufferedImage scaled =
                new BufferedImage(width, height, png ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            if (!png) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
            }
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    /** A scaled rendition as PNG (graphics) or JPEG at quality 0.85 (photos). */
    static byte[] encode(BufferedImage scaled, boolean png) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (png) {
                ImageIO.write(scaled, "png", out);
            } else {
                ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
                try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                    writer.setOutput(stream);
                    ImageWriteParam param = writer.getDefaultWriteParam();
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality(0.85f);
                    writer.write(null, new IIOImage(scaled, null, null), param);
                } finally {
                    writer.dispose();
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
