package org.wargeys.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import org.wargeys.article.BodyFormat;
import org.wargeys.article.BodyRenderer;
import org.wargeys.web.Html;

/**
 * The galleries of one import: the marks {@link WordPressContent} leaves for {@code [gallery]}
 * shortcodes, replaced at the end of the file (where every attachment is known) by the images the
 * gallery lists or, listing none, those attached to its post. Not thread-safe: one per import.
 */
final class ImportedGalleries {

    private final ImportStore store;
    private final ImportRecords records;
    private final BodyRenderer bodies;
    private final List<Long> waiting = new ArrayList<>();

    ImportedGalleries(ImportStore store, ImportRecords records, BodyRenderer bodies) {
        this.store = store;
        this.records = records;
        this.bodies = bodies;
    }

    /** Resolves the article's galleries at the end of the file. */
    void atEnd(long articleId) {
        waiting.add(articleId);
    }

    /** Replaces the gallery marks of every waiting article by the images (no new revision). */
    void resolveAll(String source) {
        for (long id : waiting) {
            String body = store.body(id).orElse(null);
            if (body == null) continue;
            Matcher m = WordPressContent.GALLERY_MARK.matcher(body);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                List<Long> ids = m.group(2).isEmpty()
                        ? List.of()
                        : Arrays.stream(m.group(2).split(","))
                                .filter(s -> !s.isEmpty() && s.length() < 19)
                                .map(Long::parseLong)
                                .toList();
                List<String> images = records.galleryImages(source, Long.parseLong(m.group(1)), ids).stream()
                        .filter(u -> u.toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png|gif|webp|avif)$"))
                        .toList();
                StringBuilder gallery = new StringBuilder();
                if (!images.isEmpty()) {
                    gallery.append("<div class=\"gallery\">");
                    images.forEach(u -> gallery.append("<figure><img src=\"")
                            .append(Html.escape(u))
                            .append("\" alt=\"\"></figure>"));
                    gallery.append("</div>");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(gallery.toString()));
            }
            m.appendTail(out);
            store.replaceBody(id, out.toString(), bodies.render(BodyFormat.HTML, out.toString()));
        }
    }
}
