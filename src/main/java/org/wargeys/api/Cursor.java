package org.wargeys.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.wargeys.article.ArticleSelection;

/**
 * The opaque cursor of a list page: where the next page starts (the publication time and id of the
 * last article shown), as URL-safe Base64, so that clients do not build one themselves. Stateless.
 */
final class Cursor {

    private Cursor() {}

    static String of(Instant publishedAt, long id) {
        String plain = publishedAt.toEpochMilli() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The position a cursor names; empty for anything that is not one of ours. */
    static Optional<ArticleSelection.After> parse(String cursor) {
        if (cursor == null || cursor.length() > 64) return Optional.empty();
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!plain.matches("[0-9]{1,15}\\.[0-9]{1,18}")) return Optional.empty();
            int dot = plain.indexOf('.');
            return Optional.of(new ArticleSelection.After(
                    Instant.ofEpochMilli(Long.parseLong(plain.substring(0, dot))),
                    Long.parseLong(plain.substring(dot + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
