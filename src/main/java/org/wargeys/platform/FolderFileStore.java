package org.wargeys.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Files in a folder (by default the data directory: {@code DATA/media/12-640.jpg}). Written to a
 * temporary name and moved into place, so a reader never sees half a file. Thread-safe.
 */
final class FolderFileStore implements FileStore {

    private final Path root;

    FolderFileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    private Path file(String key) {
        Path file = root.resolve(FileStore.checkKey(key)).normalize();
        if (!file.startsWith(root)) throw new IllegalArgumentException("Not a file name of the site: " + key);
        return file;
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        Path target = file(key);
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "upload", ".tmp");
            try {
                Files.write(temp, bytes);
                move(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    @Override
    public void put(String key, Path source, String contentType) {
        Path target = file(key);
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "upload", ".tmp");
            try {
                Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
                move(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        Path file = file(key);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    @Override
    public Optional<java.io.InputStream> stream(String key) {
        Path file = file(key);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    @Override
    public boolean download(String key, Path target) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) return false;
        try {
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + file, e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(file(key));
    }

    @Override
    public Optional<Long> size(String key) {
        Path file = file(key);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.size(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + key, e);
        }
    }

    @Override
    public List<Entry> list(String prefix) {
        // The folder that holds the prefix: "media/" lists DATA/media, "share-cards/12-" DATA/share-cards.
        int slash = prefix.lastIndexOf('/');
        Path dir = slash < 0 ? root : root.resolve(FileStore.checkKey(prefix.substring(0, slash)));
        if (!Files.isDirectory(dir)) return List.of();
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile)
                    .sorted(Comparator.naturalOrder())
                    .toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".tmp")) continue;
                String key = root.relativize(p).toString().replace('\\', '/');
                if (key.startsWith(prefix)) entries.add(new Entry(key, Files.size(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
        entries.sort(Comparator.comparing(Entry::key));
        return entries;
    }

    @Override
    public String location() {
        return root.toString();
    }

    /** The folder, for code that still needs a path (the local default only). */
    Path root() {
        return root;
    }
}
