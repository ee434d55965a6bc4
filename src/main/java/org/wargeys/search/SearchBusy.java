package org.wargeys.search;

/**
 * Every search slot stayed taken for as long as a reader may wait: the search is refused with a 503
 * and a hint to try again, so that a flood of searches queues here instead of taking every core from
 * the readers of cached pages.
 */
public final class SearchBusy extends RuntimeException {

    /** Seconds a refused asker is told to wait (Retry-After). */
    public static final int RETRY_AFTER_SECONDS = 5;

    SearchBusy() {
        super("every search slot is taken", null, false, false);
    }
}
