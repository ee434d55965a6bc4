package org.wargeys.media;

import org.wargeys.platform.SharedEvent;

/** An image's alternative text, caption or credit changed: pages showing it must drop. */
public record ImageDescribed(long mediaId) implements SharedEvent {}
