package org.wargeys.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.wargeys.platform.FileStore;

/**
 * Moves a site's files (image renditions, imported uploads, share cards) from one store to another:
 * the data directory to a bucket, a bucket to another. Resumable: a file already at the target with
 * the same size is skipped, so a move cut short is run again to finish. The source is left as it is
 * unless asked to delete it, and then only once every file is at the target. Not thread-safe: one
 * move at a time.
 */
public final class MediaMove {

    /** The folders of the store that hold the site's files. */
    static final List<String> FOLDERS = List.of("media/", "share-cards/");

    /** Told of each file as it goes. */
    public interface Progress {
        void file(String key, boolean copied);

        Progress NONE = (key, copied) -> {};
    }

    /** What a move did. */
    public record Result(int copied, int skipped, long bytes, int deleted) {}

    private MediaMove() {}

    /**
     * @param scratch a folder for one file at a time on its way (large files are not held in memory)
     */
    public static Result move(FileStore from, FileStore to, boolean deleteSource, Path scratch, Progress progress) {
        int copied = 0;
        int skipped = 0;
        long bytes = 0;
        for (String folder : FOLDERS) {
            for (FileStore.Entry file : from.list(folder)) {
                Optional<Long> there = to.size(file.key());
                if (there.isPresent() && there.get() == file.bytes()) {
                    skipped++;
                    progress.file(file.key(), false);
                    continue;
                }
                copy(from, to, file.key(), scratch);
                copied++;
                bytes += file.bytes();
                progress.file(file.key(), true);
            }
        }
        int deleted = 0;
        if (deleteSource) {
            // Every file is checked at the target before the first is deleted from the source.
            for (String folder : FOLDERS) {
                for (FileStore.Entry file : from.list(folder)) {
                    if (to.size(file.key()).orElse(-1L) != file.bytes()) {
                        throw new IllegalStateException("Not deleting anything: " + file.key() + " is not at "
                                + to.location() + " whole. Run the move again.");
                    }
                }
            }
            for (String folder : FOLDERS) {
                for (FileStore.Entry file : from.list(folder)) {
                    from.delete(file.key());
                    deleted++;
                }
            }
        }
        return new Result(copied, skipped, bytes, deleted);
    }

    private static void copy(FileStore from, FileStore to, String key, Path scratch) {
        try {
            Files.createDirectories(scratch);
            Path temp = Files.createTempFile(scratch, "move", ".tmp");
            try {
                try (InputStream in = from.stream(key)
                        .orElseThrow(() -> new IllegalStateException(
                                key + " disappeared from " + from.location() + " while it was being moved"))) {
                    Files.copy(in, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                to.put(key, temp, contentType(key));
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + key, e);
        }
    }

    private static String contentType(String key) {
        String name = key.toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) return "image/jpeg";
        if (name.endsWith(".png")) return "image/png";
        if (name.endsWith(".webp")) return "image/webp";
        if (name.endsWith(".gif")) return "image/gif";
        if (name.endsWith(".pdf")) return "application/pdf";
        if (name.endsWith(".mp4")) return "video/mp4";
        if (name.endsWith(".mp3")) return "audio/mpeg";
        return "application/octet-stream";
    }
}
