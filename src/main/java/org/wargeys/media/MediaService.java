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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditLog;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.Transactions;
import org.wargeys.platform.ValidationException;

/**
 * Images: accepts uploads (type from the bytes, size and dimensions limited) and imported images
 * under the same rules, keeps only re-encoded renditions under {@code DATA/media}, and stores
 * credit, alt text and caption per language; an article's featured image. Thread-safe.
 */
public final class MediaService {

    public static final int MAX_BYTES = 10 * 1024 * 1024;

    static final int MAX_TEXT = 1_000;
    private static final Pattern FILE = Pattern.compile("(\\d{1,18})-(\\d{1,5})\\.(jpg|png)");

    private final Jdbi jdbi;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Path directory;
    private final Clock clock;
    private final java.util.concurrent.Semaphore decoding =
            new java.util.concurrent.Semaphore(Renditions.decodeBudgetMegabytes(), true);

    MediaService(Jdbi jdbi, Transactions transactions, AuditLog audit, Path dataDir, Clock clock) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.audit = audit;
        this.directory = dataDir.resolve("media");
        this.clock = clock;
    }

    /**
     * Accepts an upload.
     *
     * @param texts alt text and caption by language; at least one alt text is required
     * @throws ValidationException naming what is wrong with the file or the texts
     */
    public Image upload(byte[] bytes, String credit, Map<String, Image.Text> texts, Actor actor) {
        return upload(bytes, credit, texts, true, actor);
    }

    /**
     * Accepts an upload; with {@code altRequired} false, an image without alt text yet (a photo dropped
     * into the article editor, whose alt text the writer gives before publishing).
     */
    public Image upload(byte[] bytes, String credit, Map<String, Image.Text> texts, boolean altRequired, Actor actor) {
        // Decoding and encoding are the slow part: done before the transaction takes the write lock.
        Prepared prepared = prepare(bytes, credit, texts, altRequired);
        return transactions.write(tx -> {
            Image image = store(tx.handle(), prepared, actor.name());
            audit.record(tx, actor, "media.upload", "media:" + image.id(), image.width() + "x" + image.height());
            return image;
        });
    }

    /**
     * Adds an image to the library on the caller's transaction, under the same rules as an upload
     * (an import brings a whole site in one transaction). The rendition files are written at once:
     * if the caller rolls back, it must {@link #discard} the image.
     *
     * @throws ValidationException naming what is wrong with the file or the texts; nothing was written
     */
    public Image add(Handle h, byte[] bytes, String credit, Map<String, Image.Text> texts, String addedBy) {
        return store(h, prepare(bytes, credit, texts, true), addedBy);
    }

    /** Deletes the rendition files of an image whose rows were rolled back. */
    public void discard(Image image) {
        for (int w : image.widths()) {
            try {
                Files.deleteIfExists(directory.resolve(image.path(w).substring("/media/".length())));
            } catch (IOException e) {
                // Best effort: no row points at the file; a later image with the same id overwrites it.
            }
        }
    }

    /** An accepted upload, decoded and re-encoded, not yet stored. */
    private record Prepared(
            String contentType,
            int width,
            int height,
            List<Integer> widths,
            Map<Integer, byte[]> files,
            String credit,
            Map<String, Image.Text> texts) {}

    // Everything slow or refusable happens here, before any row is written.
    private Prepared prepare(byte[] bytes, String credit, Map<String, Image.Text> texts, boolean altRequired) {
        if (bytes == null || bytes.length == 0) throw ImageRejected.because("media.error.file_required");
        if (bytes.length > MAX_BYTES) {
            throw ImageRejected.because("media.error.file_too_large", Map.of("megabytes", MAX_BYTES / (1024 * 1024)));
        }
        ImageType type = ImageType.detect(bytes).orElseThrow(() -> ImageRejected.because("media.error.not_an_image"));
        Map<String, Image.Text> cleaned = new LinkedHashMap<>();
        texts.forEach((language, text) -> {
            if (text.alt() != null && !text.alt().isBlank()) {
                cleaned.put(
                        language,
                        new Image.Text(
                                limit("alt", text.alt()),
                                text.caption() == null || text.caption().isBlank()
                                        ? null
                                        : limit("caption", text.caption())));
            }
        });
        if (cleaned.isEmpty() && altRequired) throw ValidationException.of("alt", "media.error.alt_required");
        BufferedImage decoded = Renditions.decode(bytes, type, decoding);
        boolean png = type == ImageType.PNG
                || (type == ImageType.WEBP && decoded.getColorModel().hasAlpha());
        List<Integer> widths = Renditions.widths(decoded.getWidth());
        Map<Integer, byte[]> files = new HashMap<>();
        for (int w : widths) files.put(w, Renditions.encode(decoded, w, png));
        String cleanCredit = credit == null || credit.isBlank() ? null : limit("credit", credit);
        return new Prepared(
                png ? "image/png" : "image/jpeg",
                decoded.getWidth(),
                decoded.getHeight(),
                widths,
                files,
                cleanCredit,
                cleaned);
    }

    private Image store(Handle h, Prepared p, String uploadedBy) {
        Instant now = clock.instant();
        long id = h.createQuery("""
                        INSERT INTO media (content_type, width, height, widths, credit, uploaded_by, uploaded_at)
                        VALUES (:type, :w, :h, :widths, :credit, :by, :at) RETURNING id""")
                .bind("type", p.contentType())
                .bind("w", p.width())
                .bind("h", p.height())
                .bind("widths", p.widths().stream().map(String::valueOf).collect(Collectors.joining(",")))
                .bind("credit", p.credit())
                .bind("by", uploadedBy)
                .bind("at", now.toEpochMilli())
                .mapTo(Long.class)
                .one();
        for (var entry : p.texts().entrySet()) {
            h.createUpdate("INSERT INTO media_texts (media_id, language, alt, caption) VALUES (:m, :l, :a, :c)")
                    .bind("m", id)
                    .bind("l", entry.getKey())
                    .bind("a", entry.getValue().alt())
                    .bind("c", entry.getValue().caption())
                    .execute();
        }
        Image image = new Image(id, p.contentType(), p.width(), p.height(), p.widths(), p.credit(), p.texts(), now);
        // Files are written inside the transaction: if writing fails, no row points at missing files.
        for (int w : p.widths())
            write(image.path(w).substring("/media/".length()), p.files().get(w));
        return image;
    }

    public Optional<Image> find(long id) {
        return jdbi.withHandle(h -> {
            Map<String, Image.Text> texts = new LinkedHashMap<>();
            h.createQuery("SELECT language, alt, caption FROM media_texts WHERE media_id = :id ORDER BY language")
                    .bind("id", id)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), new Image.Text(rs.getString(2), rs.getString(3))))
                    .forEach(e -> texts.put(e.getKey(), e.getValue()));
            return h.createQuery(
                            "SELECT id, content_type, width, height, widths, credit, uploaded_at FROM media WHERE id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> new Image(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getInt(3),
                            rs.getInt(4),
                            Arrays.stream(rs.getString(5).split(","))
                                    .map(Integer::valueOf)
                                    .toList(),
                            rs.getString(6),
                            texts,
                            Instant.ofEpochMilli(rs.getLong(7))))
                    .findOne();
        });
    }

    /**
     * Replaces an image's credit and its alt text and caption in the given languages (a translator
     * adds their language's). A language given with a blank alt text loses its text. One transaction
     * with its audit line; pages showing the image are told ({@link ImageDescribed}).
     */
    public Image describe(long id, String credit, Map<String, Image.Text> texts, Actor actor) {
        Image image = find(id).orElseThrow(() -> new NotFoundException("No image " + id));
        String cleanCredit = credit == null || credit.isBlank() ? null : limit("credit", credit);
        Map<String, Image.Text> merged = new LinkedHashMap<>(image.texts());
        texts.forEach((language, text) -> {
            if (text.alt() == null || text.alt().isBlank()) {
                merged.remove(language);
            } else {
                merged.put(
                        language,
                        new Image.Text(
                                limit("alt", text.alt()),
                                text.caption() == null || text.caption().isBlank()
                                        ? null
                                        : limit("caption", text.caption())));
            }
        });
        if (merged.isEmpty()) throw ValidationException.of("alt", "media.error.alt_required");
        transactions.run(tx -> {
            Handle h = tx.handle();
            h.createUpdate("UPDATE media SET credit = :credit WHERE id = :id")
                    .bind("credit", cleanCredit)
                    .bind("id", id)
                    .execute();
            h.createUpdate("DELETE FROM media_texts WHERE media_id = :id")
                    .bind("id", id)
                    .execute();
            for (var entry : merged.entrySet()) {
                h.createUpdate("INSERT INTO media_texts (media_id, language, alt, caption) VALUES (:m, :l, :a, :c)")
                        .bind("m", id)
                        .bind("l", entry.getKey())
                        .bind("a", entry.getValue().alt())
                        .bind("c", entry.getValue().caption())
                        .execute();
            }
            audit.record(tx, actor, "media.describe", "media:" + id, String.join(",", texts.keySet()));
            tx.announce(new ImageDescribed(id));
        });
        return find(id).orElseThrow();
    }

    /** The image's alt text and caption in one language, read on the caller's transaction. */
    public Optional<Image.Text> text(Handle h, long id, String language) {
        return h.createQuery("SELECT alt, caption FROM media_texts WHERE media_id = :id AND language = :lang")
                .bind("id", id)
                .bind("lang", language)
                .map((rs, ctx) -> new Image.Text(rs.getString(1), rs.getString(2)))
                .findOne();
    }

    /**
     * Sets the image's alt text and caption in one language on the caller's transaction (an article's
     * save); a blank alt text with no caption removes the language's text. The caller announces
     * {@link ImageDescribed} once it commits.
     */
    public void describeIn(Handle h, long id, String language, String alt, String caption) {
        String cleanAlt = alt == null ? "" : limit("featured_alt", alt);
        String cleanCaption = caption == null || caption.isBlank() ? null : limit("featured_caption", caption);
        h.createUpdate("DELETE FROM media_texts WHERE media_id = :m AND language = :l")
                .bind("m", id)
                .bind("l", language)
                .execute();
        if (cleanAlt.isEmpty() && cleanCaption == null) return;
        h.createUpdate("INSERT INTO media_texts (media_id, language, alt, caption) VALUES (:m, :l, :a, :c)")
                .bind("m", id)
                .bind("l", language)
                .bind("a", cleanAlt)
                .bind("c", cleanCaption)
                .execute();
    }

    /** The articles that show the image as their featured image, read on the caller's transaction. */
    public List<Long> featuredIn(Handle h, long mediaId) {
        return h.createQuery("SELECT article_id FROM article_images WHERE media_id = :m ORDER BY article_id")
                .bind("m", mediaId)
                .mapTo(Long.class)
                .list();
    }

    /**
     * The library as the editor's picker shows it, newest first: images whose alt text, caption or
     * credit (in any language) contains the words asked for, a page at a time.
     */
    public List<Image> search(String query, int limit, int offset) {
        String q = query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT);
        List<Long> ids = jdbi.withHandle(h -> {
            if (q.isEmpty()) {
                return h.createQuery("SELECT id FROM media ORDER BY id DESC LIMIT :limit OFFSET :offset")
                        .bind("limit", limit)
                        .bind("offset", offset)
                        .mapTo(Long.class)
                        .list();
            }
            // "!" escapes LIKE's wildcards (a backslash would read as an escape to Jdbi's parser of the SQL).
            String like = "%" + q.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            return h.createQuery("""
                            SELECT m.id FROM media m WHERE LOWER(COALESCE(m.credit, '')) LIKE :q ESCAPE '!'
                               OR EXISTS (SELECT 1 FROM media_texts t WHERE t.media_id = m.id
                                   AND (LOWER(t.alt) LIKE :q ESCAPE '!' OR LOWER(COALESCE(t.caption, '')) LIKE :q ESCAPE '!'))
                            ORDER BY m.id DESC LIMIT :limit OFFSET :offset""")
                    .bind("q", like)
                    .bind("limit", limit)
                    .bind("offset", offset)
                    .mapTo(Long.class)
                    .list();
        });
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /** Newest first. */
    public List<Image> recent(int limit) {
        List<Long> ids = jdbi.withHandle(h -> h.createQuery("SELECT id FROM media ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .mapTo(Long.class)
                .list());
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /** True if the library has the image (read on the caller's transaction). */
    public boolean exists(Handle h, long id) {
        return h.createQuery("SELECT COUNT(*) FROM media WHERE id = :id")
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    /**
     * Sets (or, with null, removes) an article's featured image on the caller's transaction; the
     * caller announces the change once it commits (the importer re-announces the article).
     */
    public void feature(Handle h, long articleId, Long mediaId) {
        h.createUpdate("DELETE FROM article_images WHERE article_id = :a")
                .bind("a", articleId)
                .execute();
        if (mediaId != null) {
            h.createUpdate("INSERT INTO article_images (article_id, media_id) VALUES (:a, :m)")
                    .bind("a", articleId)
                    .bind("m", mediaId)
                    .execute();
        }
    }

    /** The id of an article's featured image, read on the caller's transaction. */
    public Optional<Long> featuredId(Handle h, long articleId) {
        return h.createQuery("SELECT media_id FROM article_images WHERE article_id = :a")
                .bind("a", articleId)
                .mapTo(Long.class)
                .findOne();
    }

    /** The articles that show the image as their featured image. */
    public List<Long> featuredIn(long mediaId) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT article_id FROM article_images WHERE media_id = :m ORDER BY article_id")
                        .bind("m", mediaId)
                        .mapTo(Long.class)
                        .list());
    }

    /** Who uploaded the image (as the audit log names them), if known. */
    public Optional<String> uploadedBy(long mediaId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT uploaded_by FROM media WHERE id = :m")
                .bind("m", mediaId)
                .mapTo(String.class)
                .findOne());
    }

    public Optional<Image> featured(long articleId) {

        return jdbi.withHandle(h -> h.createQuery("SELECT media_id FROM article_images WHERE article_id = :a")
                        .bind("a", articleId)
                        .mapTo(Long.class)
                        .findOne())
                .flatMap(this::find);
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
            Files.move(
                    temp, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the image " + name, e);
        }
    }

    private static String limit(String field, String value) {
        String stripped = value.strip();
        if (stripped.length() > MAX_TEXT) {
            throw ValidationException.of(field, "media.error.text_too_long", Map.of("max", MAX_TEXT));
        }
        return stripped;
    }
}
