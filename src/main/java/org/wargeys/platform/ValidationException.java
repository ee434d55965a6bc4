package org.wargeys.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input that breaks a rule, with one message per field at fault. The web layer turns it into a 400
 * answer that names the fields; nothing has been written when it is thrown.
 */
public final class ValidationException extends RuntimeException {

    private final Map<String, String> errors;

    public ValidationException(Map<String, String> errors) {
        super(String.join("; ", errors.values()));
        this.errors = Map.copyOf(new LinkedHashMap<>(errors));
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(Map.of(field, message));
    }

    public Map<String, String> errors() {
        return errors;
    }
}
