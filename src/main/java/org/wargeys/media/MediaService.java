package org.wargeys.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.platform.ValidationException;

/**
 * Images: accepts uploads (type from the bytes, size and dimensions limited), keeps only re-encoded
 * renditions under {@code DATA/media}, and stores credit, alt text and caption per language.
 * Thread-safe.
 */
public final class MediaService {

    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private final org.wargeys.platform.EventBus events;
    static final int MAX_TEXT = 1_000;
    private static final Pattern FILE = Pattern.compile("(\\d{1,18})-(\\d{1,5})\\.(jpg|png)");

    private final Jdbi jdbi;
    private final Path directory;
    private final Clock clock;

    public MediaService(Jdbi jdbi, Path dataDir, Clock clock, org.wargeys.platform.EventBus events) {
        this.events = events;
        this.jdbi = jdbi;
        this.directory = dataDir.resolve("media");
        this.clock = clock;
    }

    /**
     * Accepts an upload.
     *
     * @param texts alt text and caption by language; at least one alt text is required
     * @throws ValidationException naming what is wrong with the file or the texts
     */
    public Image upload(byte[] bytes, String credit, Map<String, Image.Text> texts, String uploadedBy) {
        if (bytes == null || bytes.length == 0) throw ImageRejected.because("Choose an image file to upload.");
        if (bytes.length > MAX_BYTES) {
            throw ImageRejected.because("The file is larger than " + MAX_BYTES / (1024 * 1024) + " MB.");
        }
        ImageType type = ImageType.detect(bytes)
                .orElseThrow(() -> ImageRejected.because("The file is not a JPEG, PNG or WebP image."));
        Map<String, Image.Text> cleaned = new LinkedHashMap<>();
        texts.forEach((language, text) -> {
            if (text.alt() != null && !text.alt().isBlank()) {
                cleaned.put(language, new Image.Text(limit("alt", text.alt()), text.caption() == null || text.caption().isBlank()
                        ? null : limit("caption", text.caption())));
            }
        });
        if (cleaned.isEmpty()) throw ValidationException.of("alt", "Describe the image (alt text) in at least one language.");
        BufferedImage decoded = Renditions.decode(bytes, type);
        boolean png = type == ImageType.PNG || (type == ImageType.WEBP && decoded.getColorModel().hasAlpha());
        List<Integer> widths = Renditions.widths(decoded.getWidth());
        Map<Integer, byte[]> files = new HashMap<>();
        for (int w : widths) files.put(w, Renditions.encode(decoded, w, png));
        Instant now = clock.instant();
        String contentType = png ? "image/png" : "image/jpeg";
        String cleanCredit = credit == null || credit.isBlank() ? null : limit("credit", credit);
        return jdbi.inTransaction(h -> {
            long id = h.createQuery("""
                            INSERT INTO media (content_type, width, height, widths, credit, uploaded_by, uploaded_at)
                            VALUES (:type, :w, :h, :widths, :credit, :by, :at) RETURNING id""")
                    .bind("type", contentType).bind("w", decoded.getWidth()).bind("h", decoded.getHeight())
                    .bind("widths", widths.stream().map(String::valueOf).collect(Collectors.joining(",")))
                    .bind("credit", cleanCredit).bind("by", uploadedBy).bind("at", now.toEpochMilli())
                    .mapTo(Long.class).one();
            for (var entry : cleaned.entrySet()) {
                h.createUpdate("INSERT INTO media_texts (media_id, language, alt, caption) VALUES (:m, :l, :a, :c)")
                        .bind("m", id).bind("l", entry.getKey()).bind("a", entry.getValue().alt()).bind("c", entry.getValue().caption())
                        .execute();
            }
            Image image = new Image(id, contentType, decoded.getWidth(), decoded.getHeight(), widths, cleanCredit, cleaned, now);
            // Files are written inside the transaction: if writing fails, no row points at missing files.
            for (int w : widths) write(image.path(w).substring("/media/".length()), files.get(w));
            return image;
        });
    }

    public Optional<Image> find(long id) {
        return jdbi.withHandle(h -> {
            Map<String, Image.Text> texts = new LinkedHashMap<>();
            h.createQuery("SELECT language, alt, caption FROM media_texts WHERE media_id = :id ORDER BY language")
                    .bind("id", id)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), new Image.Text(rs.getString(2), rs.getString(3))))
                    .forEach(e -> texts.put(e.getKey(), e.getValue()));
            return h.createQuery("SELECT id, content_type, width, height, widths, credit, uploaded_at FROM media WHERE id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> new Image(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                            Arrays.stream(rs.getString(5).split(",")).map(Integer::valueOf).toList(), rs.getString(6), texts,
                            Instant.ofEpochMilli(rs.getLong(7))))
                    .findOne();
        });
    }

    /**
     * Replaces an image's credit and its alt text and caption in the given languages (a translator
     * adds their language's). A language given with a blank alt text loses its text.
     */
    public Image describe(long id, String credit, Map<String, Image.Text> texts) {
        Image image = find(id).orElseThrow(() -> new org.wargeys.platform.NotFoundException("No image " + id));
        String cleanCredit = credit == null || credit.isBlank() ? null : limit("credit", credit);
        Map<String, Image.Text> merged = new LinkedHashMap<>(image.texts());
        texts.forEach((language, text) -> {
            if (text.alt() == null || text.alt().isBlank()) {
                merged.remove(language);
            } else {
                merged.put(language, new Image.Text(limit("alt", text.alt()),
                        text.caption() == null || text.caption().isBlank() ? null : limit("caption", text.caption())));
            }
        });
        if (merged.isEmpty()) throw ValidationException.of("alt", "Describe the image (alt text) in at least one language.");
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE media SET credit = :credit WHERE id = :id").bind("credit", cleanCredit).bind("id", id).execute();
            h.createUpdate("DELETE FROM media_texts WHERE media_id = :id").bind("id", id).execute();
            for (var entry : merged.entrySet()) {
                h.createUpdate("INSERT INTO media_texts (media_id, language, alt, caption) VALUES (:m, :l, :a, :c)")
                        .bind("m", id).bind("l", entry.getKey()).bind("a", entry.getValue().alt()).bind("c", entry.getValue().caption())
                        .execute();
            }
        });
        events.publish(new ImageDescribed(id));
        return find(id).orElseThrow();
    }

    /** Newest first. */
    public List<Image> recent(int limit) {
        List<Long> ids = jdbi.withHandle(h -> h.createQuery("SELECT id FROM media ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit).mapTo(Long.class).list());
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /** Sets (or, with null, removes) an article's featured image. */
    public void feature(long articleId, Long mediaId) {
        if (mediaId != null && find(mediaId).isEmpty()) throw ValidationException.of("featured_image", "There is no image " + mediaId + ".");
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM article_images WHERE article_id = :a").bind("a", articleId).execute();
            if (mediaId != null) {
                h.createUpdate("INSERT INTO article_images (article_id, media_id) VALUES (:a, :m)").bind("a", articleId).bind("m", mediaId).execute();
            }
        });
        events.publish(new FeaturedImageChanged(articleId));
    }

    public Optional<Image> featured(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT media_id FROM article_images WHERE article_id = :a")
                .bind("a", articleId).mapTo(Long.class).findOne()).flatMap(this::find);
    }

    /** The file behind a public media name such as {@code 12-640.jpg}, if that name is one we wrote. */
    public Optional<Path> file(String name) {
        Matcher m = FILE.matcher(name == null ? "" : name);
        if (!m.matches()) return Optional.empty();
        Path file = directory.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private void write(String name, byte[] bytes) {
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, "upload", ".tmp");
            Files.write(temp, bytes);
            Files.move(temp, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the image " + name, e);
        }
    }

    private static String limit(String field, String value) {
        String stripped = value.strip();
        if (stripped.length() > MAX_TEXT) throw ValidationException.of(field, "At most " + MAX_TEXT + " characters.");
        return stripped;
    }
}
