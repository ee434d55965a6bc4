package org.wargeys.importer;

import java.util.function.Consumer;
import org.wargeys.platform.Text;

/**
 * The headline, standfirst and body of one WordPress post or page as an article holds them. Immutable.
 *
 * @param hasGallery whether the body holds a gallery mark, to resolve at the end of the file
 */
record WordPressText(String headline, String standfirst, String body, boolean hasGallery) {

    static final int MAX_HEADLINE = 300;
    static final int MAX_STANDFIRST = 1_000;

    /**
     * The item's text: its title (made from the body when there is none, shortened when too long), its
     * content cleaned by {@link WordPressContent}, and its excerpt as the standfirst or, without one, a
     * plain teaser from before {@code <!--more-->}. {@code note} hears of each change the report names.
     */
    static WordPressText of(WxrItem item, WordPressContent content, Consumer<String> note) {
        String headline = item.title().strip();
        if (headline.isEmpty()) {
            headline = WordPressContent.plainText(item.content());
            headline = headline.isEmpty()
                    ? "Untitled " + item.postType() + " " + item.postId()
                    : Text.shorten(headline, 80);
            note.accept("It had no title; the headline was made from its text.");
        } else if (headline.length() > MAX_HEADLINE) {
            headline = Text.shorten(headline, MAX_HEADLINE);
            note.accept("Its title was longer than " + MAX_HEADLINE + " characters and was shortened.");
        }
        WordPressContent.Cleaned cleaned = content.clean(item.content(), item.postId());
        cleaned.droppedShortcodes()
                .forEach(s -> note.accept(
                        "The shortcode [" + s + "] has no counterpart here and was dropped (its inner text kept)."));
        String body = cleaned.body();
        String standfirst = WordPressContent.plainText(item.excerpt());
        if (standfirst.isEmpty() && cleaned.teaser() != null) {
            String teaser = WordPressContent.plainText(cleaned.teaser());
            // The standfirst is plain text: a teaser with pictures, frames or tables stays in the body, where they
            // show.
            if (!teaser.isEmpty()
                    && teaser.length() <= MAX_STANDFIRST
                    && !cleaned.teaser().matches("(?is).*<(img|figure|iframe|table|video|audio).*")) {
                standfirst = teaser;
                body = cleaned.afterTeaser();
            }
        }
        if (standfirst.length() > MAX_STANDFIRST) {
            standfirst = Text.shorten(standfirst, MAX_STANDFIRST);
            note.accept("Its excerpt was longer than " + MAX_STANDFIRST
                    + " characters and was shortened for the standfirst.");
        }
        return new WordPressText(headline, standfirst, body, cleaned.hasGallery());
    }
}
