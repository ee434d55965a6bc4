package org.wargeys.platform;

/** A write that would silently undo someone else's; answered with a 409 that says what to do. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
