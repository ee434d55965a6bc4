package org.wargeys.media;

import org.wargeys.platform.Platform;

/** The media library: uploads, renditions on disk and the handler that serves them. */
public final class MediaModule {

    private final MediaService service;
    private final MediaFiles files;

    public MediaModule(Platform platform) {
        this.service = new MediaService(
                platform.database().jdbi(),
                platform.transactions(),
                platform.audit(),
                platform.config().dataDir(),
                platform.clock());
        this.files = new MediaFiles(service);
    }

    public MediaService service() {
        return service;
    }

    /** {@code /media/{file}}. */
    public MediaFiles files() {
        return files;
    }
}
