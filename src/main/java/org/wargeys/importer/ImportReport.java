package org.wargeys.importer;

import java.util.List;

/**
 * What an import did: how many articles were created, updated, left as they were and skipped (each
 * skip with its reason), notes on content that was changed on the way in, the media addresses left
 * pointing at the old site, and the featured images set or left out (each with its old address and
 * why). A dry run reports what would have happened.
 */
public record ImportReport(
        boolean dryRun,
        int imported,
        int updated,
        int unchanged,
        List<Skip> skipped,
        List<Note> notes,
        List<String> externalMedia,
        int mediaCopied,
        int redirects,
        int featuredImagesSet,
        List<SkippedImage> featuredImagesSkipped) {

    public ImportReport {
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
        externalMedia = List.copyOf(externalMedia);
        featuredImagesSkipped = List.copyOf(featuredImagesSkipped);
    }

    /** A source item that did not become an article, and why. */
    public record Skip(long sourceId, String title, String reason) {}

    /** Something worth knowing about one imported item (a dropped shortcode, a shortened headline). */
    public record Note(long sourceId, String title, String note) {}

    /**
     * The featured image of an imported item that was not set, and why.
     *
     * @param url the image's address on the old site, or null when the export does not have the attachment
     */
    public record SkippedImage(long sourceId, String title, String url, String reason) {}
}
