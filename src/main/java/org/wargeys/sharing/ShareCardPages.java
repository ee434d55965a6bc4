package org.wargeys.sharing;

import io.javalin.http.Context;

/** {@code GET /share-cards/{file}}: share cards and the publisher logo, cacheable for a year. */
public final class ShareCardPages {

    private final ShareCards cards;

    ShareCardPages(ShareCards cards) {
        this.cards = cards;
    }

    public void show(Context ctx) {
        byte[] png = cards.file(ctx.pathParam("file"));
        // The address changes with the content, so a copy never goes stale.
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        // Link-preview crawlers check an image's size before they fetch it; Javalin sends bytes chunked.
        ctx.header("Content-Length", Integer.toString(png.length));
        ctx.contentType("image/png").result(png);
    }
}
