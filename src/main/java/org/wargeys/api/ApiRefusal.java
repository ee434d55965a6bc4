package org.wargeys.api;

import java.util.Map;

/**
 * A request the API turns down for a reason of its own (no token, a missing scope, a missing
 * If-Match…): its HTTP status and the message key of its problem's detail. Answered as
 * application/problem+json in the asker's language.
 */
final class ApiRefusal extends RuntimeException {

    private final int status;
    private final String type;
    private final String key;
    private final Map<String, ?> args;

    ApiRefusal(int status, String type, String key, Map<String, ?> args) {
        super(key);
        this.status = status;
        this.type = type;
        this.key = key;
        this.args = args;
    }

    ApiRefusal(int status, String type, String key) {
        this(status, type, key, Map.of());
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    String key() {
        return key;
    }

    Map<String, ?> args() {
        return args;
    }
}
