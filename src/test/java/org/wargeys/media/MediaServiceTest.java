package org.wargeys.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditLog;
import org.wargeys.platform.Database;
import org.wargeys.platform.EventBus;
import org.wargeys.platform.FileStore;
import org.wargeys.platform.Transactions;
import org.wargeys.platform.ValidationException;

class MediaServiceTest {

    // 1×1 WebP files (lossy, and lossless with alpha), as browsers' feature tests use them.
    static final byte[] WEBP_LOSSY =
            Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
    static final byte[] WEBP_LOSSLESS = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    @TempDir
    Path dir;

    Database database;
    MediaService media;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("test.db"), null, null);
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
        media = new MediaService(
                database.jdbi(),
                new Transactions(database.jdbi(), new EventBus()),
                new AuditLog(database.jdbi(), clock),
                FileStore.folder(dir),
                clock,
                WebpEncoder.load(),
                Image.SITE_BASE);
    }

    @AfterEach
    void close() {
        database.close();
    }

    static final Map<String, Image.Text> ALT = Map.of(
            "en", new Image.Text("A harbour at dawn", "Berbera port"), "so", new Image.Text("Deked waaberi", null));

    @Test
    void a_jpeg_with_gps_metadata_is_reencoded_at_responsive_widths_without_any_metadata() throws IOException {
        byte[] upload = withExifGps(jpeg(2000, 1000));
        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("Exif", "GPSLatitude");

        Image image = media.upload(upload, "Photo: Amina Yusuf", ALT, Actor.TERMINAL);

        assertThat(image.contentType()).isEqualTo("image/jpeg");
        assertThat(image.widths()).containsExactly(320, 640, 1024, 1600);
        assertThat(image.srcset())
                .isEqualTo(
                        "/media/1-320.jpg 320w, /media/1-640.jpg 640w, /media/1-1024.jpg 1024w, /media/1-1600.jpg 1600w");
        assertThat(image.renditionHeight()).isEqualTo(800);
        for (int width : image.widths()) {
            byte[] file = media.file("1-" + width + ".jpg").orElseThrow();
            String text = new String(file, StandardCharsets.ISO_8859_1);
            assertThat(text).doesNotContain("Exif", "GPS");
            assertThat(hasSegment(file, 0xE1)).as("no APP1 (EXIF/XMP) segment").isFalse();
            assertThat(ImageIO.read(new ByteArrayInputStream(file)).getWidth()).isEqualTo(width);
        }
        Image stored = media.find(image.id()).orElseThrow();
        assertThat(stored.credit()).isEqualTo("Photo: Amina Yusuf");
        assertThat(stored.text("so").alt()).isEqualTo("Deked waaberi");
        assertThat(stored.text("en").caption()).isEqualTo("Berbera port");
        assertThat(stored.text("ar").alt()).as("falls back to another language").isNotBlank();
    }

    @Test
    void a_small_png_keeps_its_size_and_transparency() throws IOException {
        BufferedImage png = new BufferedImage(200, 100, BufferedImage.TYPE_INT_ARGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(png, "png", out);
        Image image = media.upload(out.toByteArray(), null, ALT, Actor.TERMINAL);
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.widths()).containsExactly(200);
        BufferedImage stored = ImageIO.read(
                new ByteArrayInputStream(media.file(image.id() + "-200.png").orElseThrow()));
        assertThat(stored.getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void a_photo_gets_smaller_lossy_webp_copies_beside_its_jpeg_renditions() throws IOException {
        Image image = media.upload(photo(1200, 800), null, ALT, Actor.TERMINAL);

        assertThat(media.makesWebp())
                .as("the WebP encoder loads on this machine")
                .isTrue();
        assertThat(image.webp()).isTrue();
        assertThat(image.webpSrcset())
                .isEqualTo(
                        "/media/1-320.webp 320w, /media/1-640.webp 640w, /media/1-1024.webp 1024w, /media/1-1200.webp 1200w");
        for (int width : image.widths()) {
            byte[] jpeg = media.file("1-" + width + ".jpg").orElseThrow();
            byte[] webp = media.file("1-" + width + ".webp").orElseThrow();
            assertThat(new String(webp, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("RIFF");
            assertThat(new String(webp, 12, 4, StandardCharsets.ISO_8859_1)).isEqualTo("VP8 ");
            assertThat(webp.length).isLessThan(jpeg.length);
            assertThat(ImageIO.read(new ByteArrayInputStream(webp)).getWidth()).isEqualTo(width);
        }
    }

    @Test
    void a_graphic_gets_lossless_webp_copies_with_every_pixel_kept() throws IOException {
        BufferedImage chart = new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = chart.createGraphics();
        g.setColor(new Color(20, 90, 160));
        g.fillRect(20, 20, 120, 160);
        g.setColor(new Color(200, 60, 30, 128));
        g.fillRect(160, 60, 120, 120);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(chart, "png", out);

        Image image = media.upload(out.toByteArray(), null, ALT, Actor.TERMINAL);

        assertThat(image.webp()).isTrue();
        byte[] webp = media.file(image.id() + "-300.webp").orElseThrow();
        assertThat(new String(webp, 12, 4, StandardCharsets.ISO_8859_1)).isEqualTo("VP8L");
        BufferedImage png = ImageIO.read(
                new ByteArrayInputStream(media.file(image.id() + "-300.png").orElseThrow()));
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(webp));
        for (int y = 0; y < 200; y += 7) {
            for (int x = 0; x < 300; x += 7) {
                assertThat(decoded.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(png.getRGB(x, y));
            }
        }
    }

    @Test
    void where_the_webp_encoder_is_off_images_keep_jpeg_and_png_only() throws IOException {
        MediaService jpegOnly = new MediaService(
                database.jdbi(),
                new Transactions(database.jdbi(), new EventBus()),
                new AuditLog(database.jdbi(), Clock.systemUTC()),
                FileStore.folder(dir),
                Clock.systemUTC(),
                WebpEncoder.off(),
                Image.SITE_BASE);

        Image image = jpegOnly.upload(photo(800, 600), null, ALT, Actor.TERMINAL);

        assertThat(image.webp()).isFalse();
        assertThat(image.webpSrcset()).isNull();
        assertThat(jpegOnly.find(image.id()).orElseThrow().webp()).isFalse();
        assertThat(jpegOnly.file(image.id() + "-320.webp")).isEmpty();
        assertThat(jpegOnly.file(image.id() + "-320.jpg")).isPresent();
    }

    /** A photo-like JPEG: smooth gradients and noise, as a camera's pictures have. */
    static byte[] photo(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (int) (128 + 100 * Math.sin(x / 60.0)) + random.nextInt(12);
                int gr = (int) (128 + 100 * Math.cos(y / 45.0)) + random.nextInt(12);
                int b = (x + y) * 255 / (width + height);
                image.setRGB(x, y, (Math.min(255, r) << 16) | (Math.min(255, gr) << 8) | b);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    @Test
    void webp_uploads_are_decoded_and_reencoded() {
        assertThat(media.upload(WEBP_LOSSY, null, ALT, Actor.TERMINAL).contentType())
                .isEqualTo("image/jpeg");
        assertThat(media.upload(WEBP_LOSSLESS, null, ALT, Actor.TERMINAL).contentType())
                .isEqualTo("image/png");
    }

    @Test
    void a_file_whose_bytes_are_not_an_image_is_refused_whatever_it_is_called() {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> media.upload(html, null, ALT, Actor.TERMINAL))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("media.error.not_an_image");
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> media.upload(svg, null, ALT, Actor.TERMINAL)).isInstanceOf(ValidationException.class);
        byte[] fakeJpeg = new byte[200];
        fakeJpeg[0] = (byte) 0xFF;
        fakeJpeg[1] = (byte) 0xD8;
        fakeJpeg[2] = (byte) 0xFF;
        assertThatThrownBy(() -> media.upload(fakeJpeg, null, ALT, Actor.TERMINAL))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("media.error.undecodable");
        assertThat(media.recent(10)).isEmpty();
    }

    @Test
    void alt_text_is_required_and_size_is_limited() throws IOException {
        byte[] jpeg = jpeg(10, 10);
        assertThatThrownBy(() -> media.upload(jpeg, null, Map.of("en", new Image.Text(" ", null)), Actor.TERMINAL))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("media.error.alt_required");
        byte[] huge = new byte[MediaService.MAX_BYTES + 1];
        System.arraycopy(jpeg, 0, huge, 0, jpeg.length);
        assertThatThrownBy(() -> media.upload(huge, null, ALT, Actor.TERMINAL))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("media.error.file_too_large {megabytes=10}");
    }

    @Test
    void only_names_the_service_wrote_are_files() {
        assertThat(media.file("../test.db")).isEmpty();
        assertThat(media.file("1-320.svg")).isEmpty();
        assertThat(media.file("1-320.jpg")).isEmpty();
        assertThat(media.file(null)).isEmpty();
    }

    @Test
    void four_49_megapixel_photos_uploaded_at_once_all_succeed() throws Exception {
        // 7,000 × 7,000 grey pixels: under the byte limit as a JPEG, 196 MB if decoded whole.
        java.awt.image.BufferedImage big =
                new java.awt.image.BufferedImage(7_000, 7_000, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = big.createGraphics();
        g.setColor(java.awt.Color.GRAY);
        g.fillRect(0, 0, 7_000, 7_000);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(big, "jpg", out);
        byte[] photo = out.toByteArray();
        assertThat(photo.length).isLessThan(MediaService.MAX_BYTES);

        var threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var uploads = new java.util.ArrayList<java.util.concurrent.Future<Image>>();
            for (int i = 0; i < 4; i++)
                uploads.add(threads.submit(() -> media.upload(photo, null, ALT, Actor.TERMINAL)));
            for (var upload : uploads) {
                Image image = upload.get();
                assertThat(image.widths()).contains(1600);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_large_photo_is_read_at_a_fraction_that_still_covers_the_largest_rendition() {
        assertThat(Renditions.subsampling(1_600, 1_200)).isEqualTo(1);
        assertThat(Renditions.subsampling(8_000, 6_000)).isEqualTo(3);
        assertThat(8_000 / Renditions.subsampling(8_000, 6_000)).isGreaterThanOrEqualTo(1_600);
        assertThat(Renditions.subsampling(2_000, 12_000))
                .as("a tall image keeps its width")
                .isEqualTo(1);
    }

    static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 90, 160));
        g.fillRect(0, 0, width, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /** Inserts an APP1 EXIF segment carrying a GPS tag name right after the JPEG's SOI marker. */
    static byte[] withExifGps(byte[] jpeg) {
        byte[] payload = ("Exif\0\0MM\0*\0\0\0\bGPSLatitude 2.0469N GPSLongitude 45.3182E")
                .getBytes(StandardCharsets.ISO_8859_1);
        int length = payload.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(payload, 0, payload.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    static boolean hasSegment(byte[] jpeg, int marker) {
        int i = 2;
        while (i + 4 < jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int m = jpeg[i + 1] & 0xFF;
            if (m == marker) return true;
            if (m == 0xDA) return false;
            i += 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
        }
        return false;
    }
}
