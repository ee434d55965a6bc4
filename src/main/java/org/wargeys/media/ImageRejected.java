package org.wargeys.media;

import java.util.Map;
import org.wargeys.platform.ValidationException;

/** An upload that is not an image we can safely accept; answered with a 400 that says why. */
final class ImageRejected {

    private ImageRejected() {}

    static ValidationException because(String key) {
        return ValidationException.of("file", key);
    }

    static ValidationException because(String key, Map<String, ?> args) {
        return ValidationException.of("file", key, args);
    }
}
