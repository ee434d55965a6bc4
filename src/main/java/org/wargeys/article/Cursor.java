package org.wargeys.article;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A place in a newest-first list of published articles: an article's publish time and id, written
 * {@code MILLIS-ID} in addresses ({@code ?before=1717400000000-1234}). Immutable.
 */
public record Cursor(Instant publishedAt, long id) {

    private static final Pattern TEXT = Pattern.compile("([0-9]{1,15})-([1-9][0-9]{0,17})");

    public static Cursor of(Article article) {
        return new Cursor(article.publishedAt(), article.id());
    }

    /** The cursor written so, or empty for anything else. */
    public static Optional<Cursor> parse(String text) {
        if (text == null) return Optional.empty();
        var m = TEXT.matcher(text);
        if (!m.matches()) return Optional.empty();
        return Optional.of(new Cursor(Instant.ofEpochMilli(Long.parseLong(m.group(1))), Long.parseLong(m.group(2))));
    }

    @Override
    public String toString() {
        return publishedAt.toEpochMilli() + "-" + id;
    }
}
