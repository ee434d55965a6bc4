package org.wargeys.platform;

/** Something a request names does not exist (or is not visible to the asker); answered with a 404. */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
