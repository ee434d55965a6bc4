package org.wargeys.live;

/**
 * What a reporter types into the composer: Markdown text, an optional pull quote, an optional image
 * of the media library with its alt text (the library's own alt text in the entry's language when
 * left empty), and whether the entry is a key event. Immutable.
 */
public record LiveEntryDraft(String text, String quote, Long mediaId, String imageAlt, boolean keyEvent) {

    public static LiveEntryDraft text(String text) {
        return new LiveEntryDraft(text, null, null, null, false);
    }
}
