package org.wargeys.newsletter;

import org.wargeys.web.Layout;

/**
 * The model of {@code newsletter/unsubscribe.jte}: the one button that unsubscribes (a link in a mail
 * never does it by itself: mail scanners follow links). Immutable.
 */
public record UnsubscribePage(Layout layout, String action, String address) {}
