package org.wargeys.media;

import org.wargeys.platform.Platform;

/**
 * The media library: uploads, renditions in the site's file store (the data directory or a bucket)
 * and the handler that serves them.
 */
public final class MediaModule {

    private final MediaService service;
    private final MediaFiles files;

    public MediaModule(Platform platform) {
        var settings = platform.config().settings();
        boolean webp = !"false"
                .equalsIgnoreCase(settings.getOrDefault("media.webp", "true").strip());
        this.service = new MediaService(
                platform.database().jdbi(),
                platform.transactions(),
                platform.audit(),
                platform.files(),
                platform.clock(),
                webp ? WebpEncoder.load() : WebpEncoder.off(),
                base(settings.get(org.wargeys.platform.S3Settings.PUBLIC_URL)));
        this.files = new MediaFiles(service);
    }

    /**
     * Where readers fetch renditions: the site ({@code /media/}), or {@code media.public_url} (the
     * public address of the bucket or the CDN in front of it, which holds them under {@code media/}).
     */
    static String base(String publicUrl) {
        if (publicUrl == null || publicUrl.isBlank()) return Image.SITE_BASE;
        String url = publicUrl.strip();
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new IllegalArgumentException("media.public_url must be an http(s) address, not " + url);
        }
        return (url.endsWith("/") ? url : url + "/") + "media/";
    }

    public MediaService service() {
        return service;
    }

    /** {@code /media/{file}}. */
    public MediaFiles files() {
        return files;
    }
}
