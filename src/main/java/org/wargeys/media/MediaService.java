package org.wargeys.media;

import java.awt.image.BufferedImage;
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
import org.wargeys.platform.FileStore;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.Transactions;
import org.wargeys.platform.ValidationException;

/**
 * Images: accepts uploads (type from the bytes, size and dimensions limited) and imported images
 * under the same rules, keeps only re-encoded renditions (JPEG or PNG, and WebP beside them) in the
 * site's file store under {@code media/} (the data directory or a bucket), and stores
 * credit, alt text and caption per language; an article's featured image. Thread-safe.
 */
public final class MediaService {

    public static final int MAX_BYTES = 10 * 1024 * 1024;

    static final int MAX_TEXT = 1_000;
    private static final Pattern FILE = Pattern.compile("(\\d{1,18})-(\\d{1,5})\\.(jpg|png|webp)");
    static final String PREFIX = "media/";

    private final Jdbi jdbi;
    private final Transactions transactions;
    private final AuditLog audit;
    private final FileStore files;
    private final Clock clock;
    private final WebpEncoder webp;
    private final String base;
    private final java.util.concurrent.Semaphore decoding =
            new java.util.concurrent.Semaphore(Renditions.decodeBudgetMegabytes(), true);

    /**
     * @param base where readers fetch renditions: {@link Image#SITE_BASE}, or a bucket's or CDN's
     *     public address ending in {@code /}
     */
    MediaService(
            Jdbi jdbi,
            Transactions transactions,
            AuditLog audit,
            FileStore files,
            Clock clock,
            WebpEncoder webp,
            String base) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.audit = audit;
        this.files = files;
        this.clock = clock;
        this.webp = webp;
        this.base = base;
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
        return upload(check(bytes, credit, texts, altRequired), actor);
    }

    /** An upload checked, decoded and re-encoded, not stored yet: the slow part of an upload. */
    public static final class Checked {
        private final Prepared prepared;

        private Checked(Prepared prepared) {
            this.prepared = prepared;
        }
    }

    /**
     * Does the slow, refusable part of an upload before any transaction (the API then stores it on a
     * transaction of its own, with its Idempotency-Key).
     *
     * @throws ValidationException naming what is wrong with the file or the texts
     */
    public Checked check(byte[] bytes, String credit, Map<String, Image.Text> texts) {
        return check(bytes, credit, texts, true);
    }

    /** As {@link #check(byte[], String, Map)}; with {@code altRequired} false, alt text may come later. */
    public Checked check(byte[] bytes, String credit, Map<String, Image.Text> texts, boolean altRequired) {
        return new Checked(prepare(bytes, credit, texts, altRequired));
    }

    /** Stores a checked upload: one transaction with its audit line (joined if one is open). */
    public Image upload(Checked checked, Actor actor) {
        Prepared prepared = checked.prepared;
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
        for (String name : image.fileNames()) {
            try {
                files.delete(PREFIX + name);
            } catch (RuntimeException e) {
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
            Map<Integer, byte[]> webpFiles,
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
        Map<Integer, byte[]> webpFiles = new HashMap<>();
        for (int w : widths) {
            BufferedImage scaled = Renditions.scale(decoded, w, png);
            files.put(w, Renditions.encode(scaled, png));
            // Graphics (PNG) go lossless; a photo's WebP copy is kept only when it is smaller.
            webp.webp(scaled, png)
                    .filter(b -> png || b.length < files.get(w).length)
                    .ifPresent(b -> webpFiles.put(w, b));
        }
        // All widths or none, so that a <picture> never names a copy that is not there.
        if (webpFiles.size() != widths.size()) webpFiles.clear();
        String cleanCredit = credit == null || credit.isBlank() ? null : limit("credit", credit);
        return new Prepared(
                png ? "image/png" : "image/jpeg",
                decoded.getWidth(),
                decoded.getHeight(),
                widths,
                files,
                webpFiles,
                cleanCredit,
                cleaned);
    }

    private Image store(Handle h, Prepared p, String uploadedBy) {
        Instant now = clock.instant();
        long id = h.createQuery("""
                        INSERT INTO media (content_type, width, height, widths, credit, uploaded_by, uploaded_at, webp)
                        VALUES (:type, :w, :h, :widths, :credit, :by, :at, :webp) RETURNING id""")
                .bind("type", p.contentType())
                .bind("w", p.width())
                .bind("h", p.height())
                .bind("widths", p.widths().stream().map(String::valueOf).collect(Collectors.joining(",")))
                .bind("credit", p.credit())
                .bind("by", uploadedBy)
                .bind("at", now.toEpochMilli())
                .bind("webp", p.webpFiles().isEmpty() ? 0 : 1)
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
        Image image = new Image(
                id,
                p.contentType(),
                p.width(),
                p.height(),
                p.widths(),
                p.credit(),
                p.texts(),
                now,
                !p.webpFiles().isEmpty(),
                base);
        // Files are written inside the transaction: if writing fails, no row points at missing files.
        for (int w : p.widths()) {
            files.put(PREFIX + image.fileName(w), p.files().get(w), p.contentType());
            if (image.webp())
                files.put(PREFIX + image.webpFileName(w), p.webpFiles().get(w), "image/webp");
        }
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
                            "SELECT id, content_type, width, height, widths, credit, uploaded_at, webp FROM media WHERE id = :id")
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
                            Instant.ofEpochMilli(rs.getLong(7)),
                            rs.getInt(8) != 0,
                            base))
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

    /** The bytes behind a public media name such as {@code 12-640.jpg}, if that name is one we wrote. */
    public Optional<byte[]> file(String name) {
        Matcher m = FILE.matcher(name == null ? "" : name);
        if (!m.matches()) return Optional.empty();
        return files.get(PREFIX + name);
    }

    /** True where WebP copies are made of new uploads (the encoder's native library loaded). */
    public boolean makesWebp() {
        return webp.available();
    }

    private static String limit(String field, String value) {
        String stripped = value.strip();
        if (stripped.length() > MAX_TEXT) {
            throw ValidationException.of(field, "media.error.text_too_long", Map.of("max", MAX_TEXT));
        }
        return stripped;
    }
}
