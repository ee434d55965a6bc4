package org.wargeys.media;

/** An article's featured image was set, replaced or removed. */
public record FeaturedImageChanged(long articleId) {}
