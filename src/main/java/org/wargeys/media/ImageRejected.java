package org.wargeys.media;

import org.wargeys.platform.ValidationException;

/** An upload that is not an image we can safely accept; answered with a 400 that says why. */
final class ImageRejected {

    private ImageRejected() {}

    static ValidationException because(String reason) {
        return ValidationException.of("file", reason);
    }
}
