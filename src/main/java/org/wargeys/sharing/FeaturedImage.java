package org.wargeys.sharing;

/**
 * An article's featured image as a link preview needs it: its site path, type, size and alt text.
 * When an article has one, previews show it instead of the generated share card.
 */
public record FeaturedImage(String path, String contentType, int width, int height, String alt) {}
