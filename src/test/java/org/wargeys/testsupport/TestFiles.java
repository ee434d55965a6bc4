package org.wargeys.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File chores for tests. */
public final class TestFiles {

    private TestFiles() {}

    public static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(file);
        }
    }

    /** A PNG of the given size (a gradient, so its renditions are real images). */
    public static byte[] png(int width, int height) {
        var image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y += 8) image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8);
        }
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A JPEG as a phone's camera makes one: large, at the best quality, with the fine grain of a photo
     * (so it is megabytes, as a real one is).
     */
    public static byte[] photo(int width, int height) {
        var image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var random = new java.util.Random(7);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                int grain = random.nextInt(24);
                image.setRGB(
                        x,
                        y,
                        (Math.min(255, x * 200 / width + grain) << 16)
                                | (Math.min(255, y * 200 / height + grain) << 8)
                                | 90);
            }
        }
        var out = new java.io.ByteArrayOutputStream();
        try (var stream = javax.imageio.ImageIO.createImageOutputStream(out)) {
            var writer =
                    javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
            var params = writer.getDefaultWriteParam();
            params.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            params.setCompressionQuality(0.98f);
            writer.setOutput(stream);
            writer.write(null, new javax.imageio.IIOImage(image, null, null), params);
            writer.dispose();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
