package org.wargeys.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wargeys.platform.FileStore;

/**
 * Copies the media files an export refers to from a copy of wp-content/uploads into the site's file
 * store ({@code media/wordpress/…}, in the data directory or the bucket), and rewrites body addresses to the copies. A file is taken only when it lies inside the
 * uploads folder (no path from the export can lead outside it, links included) and its first bytes
 * show a known media type. Remembers what it created so a failed or dry run can take it back.
 * Not thread-safe: one per import.
 */
final class MediaCopier {

    /** Where a copy lives: its public path and its type as read from its bytes. */
    record Copied(String path, String contentType) {}

    static final String PUBLIC_PREFIX = "/media/wordpress/";
    private static final Pattern UPLOAD_URL = Pattern.compile(
            "https?://[^\"'\\s<>]*?(?:/wp-content/uploads/|\\.files\\.wordpress\\.com/)([^\"'\\s<>?#]+)");

    static final String FOLDER = "media/wordpress/";

    private final Path uploads;
    private final FileStore files;
    private final Map<String, Optional<Copied>> done = new HashMap<>();
    private final List<String> created = new ArrayList<>();

    MediaCopier(Path uploads, FileStore files) {
        try {
            this.uploads = uploads.toRealPath();
        } catch (IOException e) {
            throw new ImportException("The media folder " + uploads + " cannot be read: " + e.getMessage(), -1, e);
        }
        if (!Files.isDirectory(this.uploads))
            throw new ImportException("The media folder " + uploads + " is not a folder.", -1);
        this.files = files;
    }

    /** Copies the file an uploads address names, once; empty when it is missing, outside, or not media. */
    Optional<Copied> copy(String url) {
        return done.computeIfAbsent(url, this::copyOnce);
    }

    private Optional<Copied> copyOnce(String url) {
        Matcher m = UPLOAD_URL.matcher(url);
        if (!m.matches() && !m.lookingAt()) return Optional.empty();
        String relative = WordPressValues.decode(m.group(1));
        if (relative.contains("..") || relative.contains("\\") || relative.contains("\0") || relative.startsWith("/"))
            return Optional.empty();
        try {
            Optional<Path> source = source(relative);
            if (source.isEmpty()) return Optional.empty();
            String type = MediaTypes.sniff(source.get()).orElse(null);
            if (type == null) return Optional.empty();
            String key = FOLDER + relative;
            FileStore.checkKey(key);
            if (!files.exists(key)) {
                files.put(key, source.get(), type);
                created.add(key);
            }
            return Optional.of(new Copied(PUBLIC_PREFIX + relative, type));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Copying " + relative + " failed", e);
        }
    }

    /** The file in the uploads folder, if it lies inside it (links included) and is a regular file. */
    private Optional<Path> source(String relative) throws IOException {
        Path source = uploads.resolve(relative).normalize();
        if (!source.startsWith(uploads) || !Files.isRegularFile(source)) return Optional.empty();
        if (!source.toRealPath().startsWith(uploads)) return Optional.empty();
        return Optional.of(source);
    }

    /**
     * The uploads file behind a public path this copier hands out ({@code /media/wordpress/...}), if it
     * was copied (read from the uploads folder: the copy may be in a bucket).
     */
    Optional<Path> file(String publicPath) {
        if (publicPath == null || !publicPath.startsWith(PUBLIC_PREFIX)) return Optional.empty();
        String relative = publicPath.substring(PUBLIC_PREFIX.length());
        if (relative.contains("..") || relative.contains("\\") || relative.contains("\0")) return Optional.empty();
        try {
            return source(relative).filter(p -> files.exists(FOLDER + relative));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The body with every uploads address that could be copied pointing at its copy. */
    String rewrite(String body) {
        Matcher m = UPLOAD_URL.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Optional<Copied> copied = copy(m.group());
            m.appendReplacement(
                    out, Matcher.quoteReplacement(copied.map(Copied::path).orElse(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    int copied() {
        return (int) done.values().stream().filter(Optional::isPresent).count();
    }

    /** Deletes the copies this run made (the import was rolled back or was a dry run). */
    void undo() {
        for (String key : created) {
            try {
                files.delete(key);
            } catch (RuntimeException ignored) {
                // Best effort: a stray copy is harmless, the database does not point at it.
            }
        }
        created.clear();
    }

    /** Media types recognised by their first bytes, never by the file name. */
    static final class MediaTypes {
        private MediaTypes() {}

        static Optional<String> sniff(Path file) throws IOException {
            byte[] head = new byte[16];
            int n;
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, head.length);
            }
            return sniff(head, n);
        }

        static Optional<String> sniff(byte[] b, int n) {
            if (n >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF)
                return Optional.of("image/jpeg");
            if (n >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G')
                return Optional.of("image/png");
            if (n >= 4 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') return Optional.of("image/gif");
            if (n >= 12
                    && b[0] == 'R'
                    && b[1] == 'I'
                    && b[2] == 'F'
                    && b[3] == 'F'
                    && b[8] == 'W'
                    && b[9] == 'E'
                    && b[10] == 'B'
                    && b[11] == 'P') return Optional.of("image/webp");
            if (n >= 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F')
                return Optional.of("application/pdf");
            if (n >= 3 && b[0] == 'I' && b[1] == 'D' && b[2] == '3') return Optional.of("audio/mpeg");
            if (n >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') return Optional.of("video/mp4");
            return Optional.empty();
        }
    }
}
