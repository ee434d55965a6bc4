package org.wargeys.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the site keeps its files: image renditions ({@code media/…}), imported uploads
 * ({@code media/wordpress/…}), share cards ({@code share-cards/…}) and backups. A folder (the data
 * directory, the default) or an S3-compatible bucket ({@code s3://bucket/prefix}) that several nodes
 * share. Keys are relative paths with {@code /}; every file is written once under a name that changes
 * with its content, so copies may be cached forever. Implementations are thread-safe.
 */
public interface FileStore extends AutoCloseable {

    /** A stored file and its size. */
    record Entry(String key, long bytes) {}

    /** Stores the bytes under the key, whole or not at all (a reader never sees half a file). */
    void put(String key, byte[] bytes, String contentType);

    /** Stores a file's content under the key (large files: backups, imported uploads). */
    void put(String key, Path file, String contentType);

    /** The file's bytes, or empty when there is none. */
    Optional<byte[]> get(String key);

    /** The file as a stream (large files are not read whole), or empty when there is none. */
    Optional<java.io.InputStream> stream(String key);

    /** Copies the file to {@code target} (replaced); false when there is none. */
    boolean download(String key, Path target);

    boolean exists(String key);

    /** The size in bytes, or empty when there is no such file. */
    Optional<Long> size(String key);

    /** Removes the file if it is there. */
    void delete(String key);

    /** Every file whose key starts with {@code prefix}, sorted by key. */
    List<Entry> list(String prefix);

    /** Where the files are, for people: a folder's path or an {@code s3://} URL. */
    String location();

    /** Checks that the store answers and takes writes; throws saying why not. */
    default void check() {
        String key = ".wargeys-check";
        put(key, new byte[] {'o', 'k'}, "text/plain");
        delete(key);
    }

    @Override
    default void close() {}

    /**
     * A key of ours: relative, with no climb out, no backslash, no empty or dot segment.
     *
     * @throws IllegalArgumentException for anything else
     */
    static String checkKey(String key) {
        if (key == null
                || key.isEmpty()
                || key.startsWith("/")
                || key.contains("\\")
                || key.contains("\0")
                || key.contains("//")) {
            throw new IllegalArgumentException("Not a file name of the site: " + key);
        }
        for (String segment : key.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("Not a file name of the site: " + key);
            }
        }
        return key;
    }

    /**
     * The store a location names: {@code s3://bucket/prefix} (endpoint, region and credentials from
     * the settings {@code media.s3.*}), or a folder.
     */
    static FileStore at(String location, S3Settings s3) {
        if (location.startsWith("s3://")) return S3FileStore.open(location, s3);
        Path folder = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
        return new FolderFileStore(folder);
    }

    /** The site's store: {@code media.store} when set, else the data directory itself. */
    static FileStore of(Config config) {
        String location = config.settings().get(S3Settings.STORE);
        if (location == null || location.isBlank()) return new FolderFileStore(config.dataDir());
        return at(location.strip(), S3Settings.from(config.settings()));
    }

    /** A folder as a store (tests, and {@code media move} to a folder). */
    static FileStore folder(Path root) {
        return new FolderFileStore(root);
    }
}
