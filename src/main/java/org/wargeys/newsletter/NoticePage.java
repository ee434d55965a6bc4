package org.wargeys.newsletter;

import org.wargeys.web.Layout;

/**
 * The model of {@code newsletter/notice.jte}: what happened (check your inbox, subscribed,
 * unsubscribed, a link that no longer works), and where to go next. Immutable.
 *
 * @param linkHref where the page's one link leads, or null for none
 */
public record NoticePage(Layout layout, String heading, String text, String linkLabel, String linkHref) {}
