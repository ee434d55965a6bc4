package org.wargeys.importer;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wargeys.platform.NotFoundException;

/**
 * Serves the media files an import copied ({@code /media/wordpress/...}) from the data directory,
 * with their type read from their bytes. Nothing outside that folder can be named. Thread-safe.
 */
public final class ImportedMedia {

    private final Path root;

    ImportedMedia(Path mediaRoot) {
        this.root = mediaRoot.resolve("wordpress").toAbsolutePath().normalize();
    }

    public void show(Context ctx) {
        String relative = ctx.pathParam("path");
        if (relative.contains("..") || relative.contains("\\") || relative.contains("\0"))
            throw new NotFoundException("No media " + relative);
        Path file = root.resolve(relative).normalize();
        try {
            if (!file.startsWith(root)
                    || !Files.isRegularFile(file)
                    || !file.toRealPath().startsWith(root.toRealPath())) {
                throw new NotFoundException("No media " + relative);
            }
            String type = MediaCopier.MediaTypes.sniff(file)
                    .orElseThrow(() -> new NotFoundException("Not media: " + relative));
            ctx.header("Cache-Control", "public, max-age=86400");
            ctx.contentType(type);
            // Imported featured images are link-preview images too: crawlers want their size up front.
            ctx.header("Content-Length", Long.toString(Files.size(file)));
            ctx.result(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
