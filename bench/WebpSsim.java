import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Bytes saved by WebP at equal visual quality: for each photo, the JPEG rendition Wargeys writes
 * (quality 0.85) and its SSIM against the photo; then the smallest lossy WebP whose SSIM is at least
 * as high, and the WebP at the quality Wargeys uses (0.80). Run by bench/webp-ssim.sh.
 */
public class WebpSsim {

    public static void main(String[] args) throws Exception {
        System.out.printf("%-22s %9s %7s | %9s %7s %6s | %9s %7s %7s%n",
                "photo", "JPEG 0.85", "SSIM", "WebP eq.", "SSIM", "q", "WebP 0.80", "SSIM", "saved");
        long jpegTotal = 0, equalTotal = 0, productTotal = 0;
        for (String path : args) {
            BufferedImage source = rgb(ImageIO.read(new File(path)));
            byte[] jpeg = jpeg(source, 0.85f);
            double jpegSsim = ssim(source, rgb(ImageIO.read(new ByteArrayInputStream(jpeg))));
            byte[] equal = null;
            double equalSsim = 0;
            float equalQ = 0;
            for (float q = 0.30f; q <= 1.001f; q += 0.05f) {
                byte[] webp = webp(source, q);
                double s = ssim(source, rgb(ImageIO.read(new ByteArrayInputStream(webp))));
                if (s >= jpegSsim) {
                    equal = webp;
                    equalSsim = s;
                    equalQ = q;
                    break;
                }
            }
            byte[] product = webp(source, 0.80f);
            double productSsim = ssim(source, rgb(ImageIO.read(new ByteArrayInputStream(product))));
            jpegTotal += jpeg.length;
            productTotal += product.length;
            equalTotal += equal == null ? jpeg.length : equal.length;
            System.out.printf("%-22s %9d %7.4f | %9s %7s %6s | %9d %7.4f %6.0f%%%n",
                    new File(path).getName() + " " + source.getWidth() + "x" + source.getHeight(),
                    jpeg.length, jpegSsim,
                    equal == null ? "-" : String.valueOf(equal.length),
                    equal == null ? "-" : String.format("%.4f", equalSsim),
                    equal == null ? "-" : String.format("%.2f", equalQ),
                    product.length, productSsim, 100.0 * (jpeg.length - product.length) / jpeg.length);
        }
        System.out.printf("total: JPEG %d bytes; WebP at equal SSIM %d (%.0f%% smaller); WebP at 0.80 %d (%.0f%% smaller)%n",
                jpegTotal, equalTotal, 100.0 * (jpegTotal - equalTotal) / jpegTotal,
                productTotal, 100.0 * (jpegTotal - productTotal) / jpegTotal);
    }

    static BufferedImage rgb(BufferedImage in) {
        BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, in.getWidth(), in.getHeight());
        g.drawImage(in, 0, 0, null);
        g.dispose();
        return out;
    }

    static byte[] jpeg(BufferedImage image, float quality) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        return write(writer, image, quality, null);
    }

    static byte[] webp(BufferedImage image, float quality) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByMIMEType("image/webp").next();
        return write(writer, image, Math.min(quality, 1f), "Lossy");
    }

    static byte[] write(ImageWriter writer, BufferedImage image, float quality, String type) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            if (type != null) param.setCompressionType(type);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Mean SSIM of the luma (BT.601) over 8×8 windows, step 4 (Wang et al. 2004 constants). */
    static double ssim(BufferedImage a, BufferedImage b) {
        int w = a.getWidth(), h = a.getHeight();
        double[] x = luma(a), y = luma(b);
        double c1 = Math.pow(0.01 * 255, 2), c2 = Math.pow(0.03 * 255, 2);
        double total = 0;
        int windows = 0;
        for (int wy = 0; wy + 8 <= h; wy += 4) {
            for (int wx = 0; wx + 8 <= w; wx += 4) {
                double mx = 0, my = 0;
                for (int j = 0; j < 8; j++) for (int i = 0; i < 8; i++) {
                    mx += x[(wy + j) * w + wx + i];
                    my += y[(wy + j) * w + wx + i];
                }
                mx /= 64; my /= 64;
                double vx = 0, vy = 0, cov = 0;
                for (int j = 0; j < 8; j++) for (int i = 0; i < 8; i++) {
                    double dx = x[(wy + j) * w + wx + i] - mx, dy = y[(wy + j) * w + wx + i] - my;
                    vx += dx * dx; vy += dy * dy; cov += dx * dy;
                }
                vx /= 63; vy /= 63; cov /= 63;
                total += ((2 * mx * my + c1) * (2 * cov + c2)) / ((mx * mx + my * my + c1) * (vx + vy + c2));
                windows++;
            }
        }
        return total / windows;
    }

    static double[] luma(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        double[] out = new double[w * h];
        for (int j = 0; j < h; j++) for (int i = 0; i < w; i++) {
            int p = image.getRGB(i, j);
            out[j * w + i] = 0.299 * ((p >> 16) & 255) + 0.587 * ((p >> 8) & 255) + 0.114 * (p & 255);
        }
        return out;
    }
}
