package org.wargeys.sharing;

import org.wargeys.platform.SharedEvent;

/** The site's X account changed: every article page names it, so every cached page must drop. */
public record XAccountChanged() implements SharedEvent {}
