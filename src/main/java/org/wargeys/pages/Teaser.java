package org.wargeys.pages;

import java.time.Instant;

/** An article as listed on a home or archive page. Immutable. */
public record Teaser(
        String headline, String path, String summary, Instant publishedAt, String publishedText, String section) {}
