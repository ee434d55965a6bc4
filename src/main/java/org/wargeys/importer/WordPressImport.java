package org.wargeys.importer;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.article.ArticleJournal;
import org.wargeys.article.ArticlePublished;
import org.wargeys.article.BodyRenderer;
import org.wargeys.media.Image;
import org.wargeys.media.MediaService;
import org.wargeys.platform.EventBus;
import org.wargeys.platform.Hashes;
import org.wargeys.platform.Site;

/**
 * Imports a WordPress export into the site: one transaction for the whole file, so a file that fails
 * half-way leaves the database as it was (or, in bulk, one every {@link #BULK_CHUNK} articles); idempotent, keyed by the site the export came from and
 * each post's ID. Live articles are announced on the event bus after the commit. Thread-safe (each
 * call has its own state).
 */
public final class WordPressImport {

    /** Told how far the import is: bytes of the file read so far, out of the file's size. */
    public interface Progress {
        void advanced(long bytesRead, long totalBytes);

        Progress NONE = (read, total) -> {};
    }

    private final Jdbi jdbi;
    private final org.wargeys.platform.Database database;
    private final BodyRenderer bodies;
    private final EventBus events;
    private final Site site;
    private final Clock clock;
    private final org.wargeys.platform.FileStore files;
    private final MediaService library;
    private final ArticleJournal journal;

    /**
     * @param files where copies of the uploads folder go ({@code media/wordpress/…} in the site's store)
     * @param library the media library, which takes the featured images
     */
    WordPressImport(
            org.wargeys.platform.Database database,
            BodyRenderer bodies,
            EventBus events,
            Site site,
            Clock clock,
            org.wargeys.platform.FileStore files,
            MediaService library,
            ArticleJournal journal) {
        this.journal = journal;
        this.database = database;
        this.jdbi = database.jdbi();
        this.bodies = bodies;
        this.events = events;
        this.site = site;
        this.clock = clock;
        this.files = files;
        this.library = library;
    }

    /**
     * Imports the file. With {@code dryRun} everything is done and then rolled back, so the report says
     * what an import would do. {@code uploadsDir} is a copy of wp-content/uploads, or null to keep media
     * at their old addresses.
     *
     * @throws ImportException when the file cannot be read; nothing was written then
     */
    public ImportReport importFile(Path file, Path uploadsDir, boolean dryRun, Progress progress) {
        return importFile(file, uploadsDir, dryRun, progress, false);
    }

    /** Articles a bulk import commits at a time. */
    public static final int BULK_CHUNK = 5_000;

    /**
     * Imports the file, in bulk if asked: for exports of hundreds of thousands of articles, the import
     * commits every {@link #BULK_CHUNK} articles instead of once at the end (one transaction that size
     * holds the whole site in the write-ahead log), and the search index catches up with each committed
     * chunk on another thread while the next one loads; it has caught up when this returns. A failure
     * keeps the chunks committed before it (and the media they use); importing the same file again
     * goes on from there, the items already imported being unchanged. Ignored for a dry run.
     */
    public ImportReport importFile(Path file, Path uploadsDir, boolean dryRun, Progress progress, boolean bulk) {
        return importFile(file, uploadsDir, dryRun, progress, bulk ? BULK_CHUNK : 0);
    }

    /** @param chunk items a commit holds, or 0 for one transaction (tests take small chunks) */
    ImportReport importFile(Path file, Path uploadsDir, boolean dryRun, Progress progress, int chunk) {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ImportException("No such file: " + file, -1, e);
        } catch (IOException e) {
            throw new ImportException("Cannot read " + file + ": " + e.getMessage(), -1, e);
        }
        checkEncoding(file);
        MediaCopier media = uploadsDir == null ? null : new MediaCopier(uploadsDir, files);
        Instant started = clock.instant();
        List<ArticlePublished> live = new ArrayList<>();
        List<Image> addedImages = new ArrayList<>();
        Chunks chunks = new Chunks();
        List<Long> tail = List.of();
        ImportReport report;
        try (Handle h = jdbi.open();
                InputStream in = new Counting(new BufferedInputStream(Files.newInputStream(file)), size, progress)) {
            database.bulkWrites(h);
            h.begin();
            try {
                ImportStore store = new ImportStore(h, library);
                ImportRecords records = new ImportRecords(h);
                WordPressItems items =
                        new WordPressItems(store, records, bodies, site, clock, media, live, addedImages);
                new WxrReader().read(in, chunk > 0 && !dryRun ? chunks.committing(items, h, live, chunk) : items);

                report = items.finish(dryRun);
                if (dryRun) {
                    h.rollback();
                    live.clear();
                } else {
                    records.runFinished(
                            items.source(), file.getFileName().toString(), started, clock.instant(), report);
                    // In the import's transaction: the search index catches up with what it changed.
                    tail = chunks.unannounced(live);
                    journal.record(h, tail);
                    h.commit();
                }
            } catch (RuntimeException e) {
                h.rollback();
                // Committed chunks keep what they copied and added; a single transaction keeps nothing.
                if (chunks.committed() == 0) {
                    if (media != null) media.undo();
                    addedImages.forEach(library::discard);
                }
                throw e;
            } finally {
                database.endBulkWrites(h);
                chunks.awaitAnnounced();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (dryRun) {
            if (media != null) media.undo();
            addedImages.forEach(library::discard);
        }
        if (!tail.isEmpty()) events.publish(new org.wargeys.article.ArticlesChanged(tail));
        return report;
    }

    /**
     * The chunks of a bulk import: committed every {@link #BULK_CHUNK} articles, each announced (the
     * search index catches up, pages are purged) on a thread of its own while the next one loads.
     * Without bulk, everything is one chunk, committed and announced at the end. Import thread only,
     * but for the announcer.
     */
    private final class Chunks {
        private int announcedUpTo;
        private int committed;
        private java.util.concurrent.ExecutorService announcer;
        private final List<java.util.concurrent.Future<?>> announcements = new ArrayList<>();

        int committed() {
            return committed;
        }

        /** The ids of the live articles not announced yet, now counted as announced. */
        List<Long> unannounced(List<ArticlePublished> live) {
            List<Long> ids = live.subList(announcedUpTo, live.size()).stream()
                    .map(ArticlePublished::articleId)
                    .toList();
            announcedUpTo = live.size();
            return ids;
        }

        WxrReader.Listener committing(WordPressItems items, Handle h, List<ArticlePublished> live, int chunk) {
            return new WxrReader.Listener() {
                private int itemsSinceCommit;

                @Override
                public void channel(WxrChannel channel) {
                    items.channel(channel);
                }

                @Override
                public void author(WxrAuthor author) {
                    items.author(author);
                }

                @Override
                public void term(WxrTerm term) {
                    items.term(term);
                }

                @Override
                public void item(WxrItem item) {
                    items.item(item);
                    if (++itemsSinceCommit < chunk) return;
                    itemsSinceCommit = 0;
                    List<Long> ids = unannounced(live);
                    journal.record(h, ids);
                    h.commit();
                    committed++;
                    h.begin();
                    if (ids.isEmpty()) return;
                    if (announcer == null)
                        announcer = java.util.concurrent.Executors.newSingleThreadExecutor(
                                r -> new Thread(r, "wargeys-import-announcer"));
                    announcements.add(
                            announcer.submit(() -> events.publish(new org.wargeys.article.ArticlesChanged(ids))));
                }
            };
        }

        /** Waits until every committed chunk has been announced. */
        void awaitAnnounced() {
            if (announcer == null) return;
            announcer.shutdown();
            try {
                for (var announcement : announcements) announcement.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("Announcing imported articles failed", e.getCause());
            }
        }
    }

    /**
     * Refuses a file declared (or taken) as UTF-8 that is not, naming the line and column of its first
     * bad byte: the XML parser would say only that the encoding is broken, somewhere near where it was
     * reading ahead (and print its own line on the terminal).
     */
    private static void checkEncoding(Path file) {
        String start;
        try (InputStream in = Files.newInputStream(file)) {
            start = new String(in.readNBytes(200), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var declared =
                java.util.regex.Pattern.compile("encoding=[\"']([^\"']+)[\"']").matcher(start);
        if (declared.find() && !declared.group(1).equalsIgnoreCase("UTF-8")) return;
        Utf8Check.firstError(file).ifPresent(p -> {
            throw new ImportException(
                    "The file is not valid UTF-8 (its byte " + p.offset() + "); WordPress exports are UTF-8: export it"
                            + " again, or convert it (iconv -f LATIN1 -t UTF-8).",
                    p.line(),
                    p.column(),
                    null);
        });
    }

    static String sha256(String text) {

        return Hashes.sha256(text);
    }

    /** Counts the bytes read and tells the progress listener now and then. */
    private static final class Counting extends FilterInputStream {
        private final long total;
        private final Progress progress;
        private long read;
        private long lastTold;

        Counting(InputStream in, long total, Progress progress) {
            super(in);
            this.total = total;
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) advance(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) advance(n);
            return n;
        }

        private void advance(long n) {
            read += n;
            if (read - lastTold >= 256 * 1024 || read == total) {
                lastTold = read;
                progress.advanced(read, total);
            }
        }
    }
}
