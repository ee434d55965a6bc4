package org.wargeys.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WebP renditions through libwebp (the ImageIO plugin that ships it inside its jar): lossy for photos,
 * lossless for graphics. Where the native library cannot load (an unusual processor or libc), the
 * encoder says so once in the log and images stay JPEG and PNG only. Thread-safe.
 */
final class WebpEncoder {

    private static final Logger LOG = LoggerFactory.getLogger(WebpEncoder.class);

    /**
     * libwebp's quality for photos. Measured on ten real photos (bench/webp-ssim.sh, docs/deploy.md):
     * a third smaller than the JPEG renditions at 0.85, at a slightly lower SSIM (0.967 against 0.975
     * on average); a WebP of equal SSIM saved only 5 % there. Not yet tuned per image.
     */
    static final float PHOTO_QUALITY = 0.80f;

    private final boolean available;

    private WebpEncoder(boolean available) {
        this.available = available;
    }

    /** An encoder that never encodes (the {@code media.webp=false} setting, or tests of the fallback). */
    static WebpEncoder off() {
        return new WebpEncoder(false);
    }

    /** Loads the native encoder and proves it on a one-pixel image; off (logged) if that fails. */
    static WebpEncoder load() {
        try {
            BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
            if (encode(probe, false).length > 0) return new WebpEncoder(true);
            LOG.warn(
                    "WebP renditions are off: the WebP encoder wrote nothing. Images are served as JPEG and PNG only.");
        } catch (Throwable e) { // UnsatisfiedLinkError and ExceptionInInitializerError too: a native library
            LOG.warn(
                    "WebP renditions are off: the WebP encoder's native library cannot load here ({}). Images"
                            + " are served as JPEG and PNG only.",
                    e.toString());
        }
        return new WebpEncoder(false);
    }

    boolean available() {
        return available;
    }

    /** The image as WebP (lossless for graphics), or empty where the encoder is off. */
    Optional<byte[]> webp(BufferedImage image, boolean graphic) {
        if (!available) return Optional.empty();
        try {
            return Optional.of(encode(image, graphic));
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "A WebP rendition could not be made ({}); the image keeps its JPEG or PNG renditions",
                    e.toString());
            return Optional.empty();
        }
    }

    private static byte[] encode(BufferedImage image, boolean lossless) throws IOException {
        ImageWriter writer = writer();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(stream);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(type(param, lossless ? "Lossless" : "Lossy"));
                if (!lossless) param.setCompressionQuality(PHOTO_QUALITY);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            return out.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    private static ImageWriter writer() throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType("image/webp");
        if (!writers.hasNext()) throw new IOException("No WebP writer on the class path");
        return writers.next();
    }

    private static String type(ImageWriteParam param, String wanted) throws IOException {
        for (String type : param.getCompressionTypes()) {
            if (type.equalsIgnoreCase(wanted)) return type;
        }
        throw new IOException("The WebP writer has no " + wanted + " compression");
    }
}
