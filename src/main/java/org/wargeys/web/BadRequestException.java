package org.wargeys.web;

/** A request the site cannot make sense of; answered with a 400 page that says why. */
public final class BadRequestException extends RuntimeException {
    public BadRequestException(String reason) {
        super(reason);
    }
}
