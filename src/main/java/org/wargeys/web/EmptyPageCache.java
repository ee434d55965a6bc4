package org.wargeys.web;

import org.wargeys.platform.SharedEvent;

/** Drop every kept page: each node empties its own page cache (an administrator asked, or a large import). */
public record EmptyPageCache() implements SharedEvent {}
