package org.wargeys.pages;

import java.time.Instant;

/**
 * One live entry ready to print ({@code pages/live-entry.jte}), on the page and in the poll answer.
 *
 * @param anchor the element id ({@code entry-N}, N the source entry's id in every language)
 * @param originalLanguage the code of the entry's language when it is an untranslated original shown
 *     with a label, else null
 * @param image the entry's image, or null
 */
public record LiveEntryView(
        long thread,
        String anchor,
        String language,
        String originalLanguage,
        String originalLanguageName,
        Instant postedAt,
        String timeText,
        Instant editedAt,
        String editedText,
        String author,
        String bodyHtml,
        String quote,
        boolean keyEvent,
        Picture image,
        String permalink,
        String shareHref) {

    /** An image of the media library with its alt text in the entry's language. */
    public record Picture(String src, String srcset, int width, int height, String alt) {}
}
