package org.wargeys.importer;

import java.util.function.Consumer;
import org.wargeys.platform.Text;

/**
 * Records the attachments of one export ({@code media_files}): each file copied from the uploads
 * folder when one was given (else left at its old address), with the alt text and caption the media
 * library needs should it become a featured image. Not thread-safe: one per import.
 */
final class ImportedAttachments {

    static final int MAX_IMAGE_TEXT = 1_000;

    private final ImportRecords records;
    private final MediaCopier media;

    /** @param media the copier of the uploads folder, or null when none was given */
    ImportedAttachments(ImportRecords records, MediaCopier media) {
        this.records = records;
        this.media = media;
    }

    /**
     * Records the attachment item whose file is at {@code url}, in the item's language or {@code
     * defaultLanguage}; {@code note} hears of a file that could not be copied.
     */
    void add(String source, String defaultLanguage, WxrItem item, String url, Consumer<String> note) {
        MediaCopier.Copied copied = media == null ? null : media.copy(url).orElse(null);
        if (media != null && copied == null)
            note.accept("The file " + url
                    + " was not found in the uploads folder, or is not a known media type; its old address is kept.");
        // What the media library needs should the attachment become a featured image: alt text and caption.
        String alt = item.meta().getOrDefault("_wp_attachment_image_alt", "").strip();
        if (alt.isEmpty()) alt = item.title().strip();
        if (alt.isEmpty()) alt = WordPressValues.fileName(url);
        String caption = WordPressContent.plainText(item.excerpt());
        records.media(
                source,
                item.postId(),
                item.parent(),
                url,
                copied == null ? null : copied.path(),
                copied == null ? null : copied.contentType(),
                item.title(),
                Text.shorten(alt, MAX_IMAGE_TEXT),
                caption.isEmpty() ? null : Text.shorten(caption, MAX_IMAGE_TEXT),
                WordPressValues.language(item, defaultLanguage));
    }
}
