package org.wargeys.media;

/** An image's alternative text, caption or credit changed: pages showing it must drop. */
public record ImageDescribed(long mediaId) {}
