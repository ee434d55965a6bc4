package org.wargeys.live;

/** The staff member may not do this to this live blog (article.Permissions' live rules). */
public final class LiveRefused extends RuntimeException {

    public LiveRefused(String message) {
        super(message);
    }
}
