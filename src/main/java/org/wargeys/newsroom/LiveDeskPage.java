package org.wargeys.newsroom;

import java.util.List;
import java.util.Map;

/**
 * The model of {@code newsroom/live.jte}: an article's live coverage for staff — turning it live and
 * closing it (editors), the composer (one box, post, next), the entries with edit and delete, and on
 * a translation the queue of source entries still to translate.
 *
 * @param readerPath the public page, or null while the article is not published
 * @param state {@code none}, {@code live} or {@code ended}
 * @param source true on the group's source article (where entries are posted)
 * @param editing the entry the form edits, or null for a new one
 */
public record LiveDeskPage(
        NewsroomLayout layout,
        long articleId,
        String headline,
        String language,
        String readerPath,
        String state,
        String stateText,
        boolean mayRun,
        boolean showOriginals,
        boolean source,
        Form form,
        Long editing,
        List<EntryLine> entries,
        List<EntryLine> queue,
        Map<String, String> errors) {

    /** The composer's fields as typed (kept on an error). */
    public record Form(String text, String quote, String media, String alt, boolean keyEvent, String sourceEntry) {
        static final Form EMPTY = new Form("", "", "", "", false, "");
    }

    /** One entry in the list or the translation queue. */
    public record EntryLine(
            long id, String time, String timeIso, String author, String bodyHtml, String text, boolean keyEvent) {}
}
