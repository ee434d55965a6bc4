package org.wargeys.pages;

import java.time.Instant;

/** An article as listed on a home or archive page; {@code live} while its live coverage runs. Immutable. */
public record Teaser(
        String headline,
        String path,
        String summary,
        Instant publishedAt,
        String publishedText,
        String section,
        boolean live) {

    public Teaser(
            String headline, String path, String summary, Instant publishedAt, String publishedText, String section) {
        this(headline, path, summary, publishedAt, publishedText, section, false);
    }
}
