package org.wargeys.importer;

import io.javalin.http.Context;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.wargeys.platform.FileStore;
import org.wargeys.platform.NotFoundException;

/**
 * Serves the media files an import copied ({@code /media/wordpress/...}) from the site's file store,
 * with their type read from their bytes. Nothing outside that folder can be named. Thread-safe.
 */
public final class ImportedMedia {

    private final FileStore files;

    ImportedMedia(FileStore files) {
        this.files = files;
    }

    public void show(Context ctx) {
        String relative = ctx.pathParam("path");
        if (relative.contains("..") || relative.contains("\\") || relative.contains("\0"))
            throw new NotFoundException("No media " + relative);
        String key = MediaCopier.FOLDER + relative;
        try {
            FileStore.checkKey(key);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No media " + relative);
        }
        InputStream in = files.stream(key).orElseThrow(() -> new NotFoundException("No media " + relative));
        try {
            BufferedInputStream buffered = new BufferedInputStream(in);
            buffered.mark(16);
            byte[] head = buffered.readNBytes(16);
            buffered.reset();
            String type = MediaCopier.MediaTypes.sniff(head, head.length).orElse(null);
            if (type == null) {
                buffered.close();
                throw new NotFoundException("Not media: " + relative);
            }
            ctx.header("Cache-Control", "public, max-age=86400");
            ctx.contentType(type);
            // Imported featured images are link-preview images too: crawlers want their size up front.
            files.size(key).ifPresent(bytes -> ctx.header("Content-Length", Long.toString(bytes)));
            ctx.result(buffered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
