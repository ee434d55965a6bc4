package org.wargeys.article;

import org.wargeys.platform.ConflictException;

/**
 * The article's status changed between reading it and taking a step (another tab, another person, the
 * scheduler): the step is refused, never taken twice; answered with a 409 that asks for a reload.
 */
final class ConcurrentStatusChange extends ConflictException {
    ConcurrentStatusChange(long articleId) {
        super("article.error.status_changed");
    }
}
