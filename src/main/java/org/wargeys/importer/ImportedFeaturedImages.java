package org.wargeys.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.wargeys.article.ArticlePublished;
import org.wargeys.media.Image;
import org.wargeys.media.MediaService;
import org.wargeys.platform.ValidationException;
import org.wargeys.web.MessageBundles;

/**
 * The featured images of one import: WordPress's thumbnail of each post, settled at the end of the
 * file (where its attachment is known) into the media library and onto the article, or reported when
 * it cannot be. Not thread-safe: one per import.
 */
final class ImportedFeaturedImages {

    /** An article whose featured image is settled at the end: WordPress's thumbnail (an attachment id), or null for none. */
    private record Featured(long articleId, long postId, String title, Long thumbnailId) {}

    private final ImportStore store;
    private final ImportRecords records;
    private final MediaCopier media;
    private final List<Image> addedImages;
    private final Consumer<ArticlePublished> announce;
    private final List<Featured> waiting = new ArrayList<>();
    private int set;
    private final List<ImportReport.SkippedImage> skipped = new ArrayList<>();

    /**
     * @param media the copier of the uploads folder, or null when none was given
     * @param addedImages receives the images added to the media library, to discard if the import is rolled back
     * @param announce told of an article whose featured image changed, if it is live
     */
    ImportedFeaturedImages(
            ImportStore store,
            ImportRecords records,
            MediaCopier media,
            List<Image> addedImages,
            Consumer<ArticlePublished> announce) {
        this.store = store;
        this.records = records;
        this.media = media;
        this.addedImages = addedImages;
        this.announce = announce;
    }

    /** Settles the item's thumbnail at the end of the file, where its attachment is known. */
    void atEnd(long articleId, WxrItem item, long thumbnailId) {
        waiting.add(new Featured(articleId, item.postId(), item.title(), thumbnailId));
    }

    /** Settles now that WordPress names no thumbnail for the item any more. */
    void noneNamed(String source, long articleId, WxrItem item) {
        settle(source, null, new Featured(articleId, item.postId(), item.title(), null));
    }

    /** Settles every thumbnail that waited for the end of the file. */
    void settleAll(String source, String defaultLanguage) {
        waiting.forEach(f -> settle(source, defaultLanguage, f));
    }

    /** How many articles were given a featured image. */
    int set() {
        return set;
    }

    List<ImportReport.SkippedImage> skipped() {
        return skipped;
    }

    /**
     * Makes WordPress's thumbnail the article's featured image when it differs from the one the import
     * set last time (so importing the same file again changes nothing, and an image chosen in the
     * newsroom since stays until WordPress names another). A thumbnail that cannot be set is reported
     * and leaves the article's featured image as it is.
     */
    private void settle(String source, String defaultLanguage, Featured f) {
        Long applied = records.featuredApplied(source, f.postId()).orElse(null);
        Long wanted = null;
        if (f.thumbnailId() != null) {
            Optional<Long> image = libraryImage(source, defaultLanguage, f);
            if (image.isEmpty()) return;
            wanted = image.get();
        }
        if (Objects.equals(wanted, applied)) return;
        if (wanted != null) {
            store.feature(f.articleId(), wanted);
            set++;
        } else if (store.featuredImage(f.articleId()).equals(Optional.of(applied))) {
            // WordPress no longer names a thumbnail: take away the image the import set, not one chosen since.
            store.feature(f.articleId(), null);
        }
        records.featuredApplied(source, f.postId(), wanted);
        store.live(f.articleId()).ifPresent(announce);
    }

    /** The media library image of the thumbnail's attachment, added on first use; empty (and reported) when there is none. */
    private Optional<Long> libraryImage(String source, String defaultLanguage, Featured f) {
        Optional<ImportRecords.Attachment> found = records.attachment(source, f.thumbnailId());
        if (found.isEmpty()) {
            skip(f, null, "The export has no attachment " + f.thumbnailId() + " for its featured image.");
            return Optional.empty();
        }
        ImportRecords.Attachment attachment = found.get();
        if (attachment.mediaId() != null) return Optional.of(attachment.mediaId());
        if (media == null) {
            skip(
                    f,
                    attachment.url(),
                    "No uploads folder (--media-dir) was given, so its featured image was not imported.");
            return Optional.empty();
        }
        Optional<Path> file = media.file(attachment.storedPath());
        if (file.isEmpty()) {
            skip(
                    f,
                    attachment.url(),
                    "Its featured image was not found in the uploads folder, or is not a known media type.");
            return Optional.empty();
        }
        try {
            if (Files.size(file.get()) > MediaService.MAX_BYTES) {
                skip(
                        f,
                        attachment.url(),
                        "Its featured image is larger than " + MediaService.MAX_BYTES / (1024 * 1024)
                                + " MB, the media library's limit.");
                return Optional.empty();
            }
            String alt = attachment.alt() != null && !attachment.alt().isBlank()
                    ? attachment.alt()
                    : WordPressValues.fileName(attachment.url());
            Image image = store.addImage(
                    Files.readAllBytes(file.get()),
                    alt,
                    attachment.caption(),
                    attachment.language() != null ? attachment.language() : defaultLanguage);
            addedImages.add(image);
            records.libraryImage(source, f.thumbnailId(), image.id());
            return Optional.of(image.id());
        } catch (ValidationException e) {
            skip(
                    f,
                    attachment.url(),
                    "Its featured image cannot go into the media library: "
                            + String.join(
                                    " ",
                                    MessageBundles.english()
                                            .problems(e.problems())
                                            .values()));

            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + file.get() + " failed", e);
        }
    }

    private void skip(Featured f, String url, String reason) {
        skipped.add(new ImportReport.SkippedImage(f.postId(), f.title(), url, reason));
    }
}
