package org.wargeys.media;

import io.javalin.http.Context;
import org.wargeys.platform.NotFoundException;

/**
 * Serves image renditions at {@code /media/NAME}: only names the service wrote, with the exact image
 * content type, and cached for a year (a new upload gets a new name, so a file never changes). From a
 * bucket, the file comes from the store's in-memory cache after its first request.
 */
public final class MediaFiles {

    private final MediaService media;

    MediaFiles(MediaService media) {
        this.media = media;
    }

    public void show(Context ctx) {
        String name = ctx.pathParam("file");
        byte[] file = media.file(name).orElseThrow(() -> new NotFoundException("No media " + name));
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.header("Content-Disposition", "inline");
        ctx.contentType(name.endsWith(".png") ? "image/png" : name.endsWith(".webp") ? "image/webp" : "image/jpeg");
        // Featured images are link-preview images too: crawlers want their size up front.
        ctx.header("Content-Length", Integer.toString(file.length));
        ctx.result(file);
    }
}
