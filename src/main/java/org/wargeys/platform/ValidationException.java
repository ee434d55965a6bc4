package org.wargeys.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input that breaks a rule, with one {@link Problem} per field at fault. The web layer turns it into a
 * 400 answer (or the form again) that names the fields in the user's language; nothing has been
 * written when it is thrown.
 */
public final class ValidationException extends RuntimeException {

    private final Map<String, Problem> problems;

    public ValidationException(Map<String, Problem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) throw new IllegalArgumentException("A validation error names at least one problem");
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public static ValidationException of(String field, String key) {
        return new ValidationException(Map.of(field, Problem.of(key)));
    }

    public static ValidationException of(String field, String key, Map<String, ?> args) {
        return new ValidationException(Map.of(field, Problem.of(key, args)));
    }

    /** Field → problem, in the order found. */
    public Map<String, Problem> problems() {
        return problems;
    }

    /** Collects the problems of several fields, to report them all at once. */
    public static final class Collector {
        private final Map<String, Problem> problems = new LinkedHashMap<>();

        /** Keeps the first problem of each field. */
        public Collector add(String field, String key) {
            problems.putIfAbsent(field, Problem.of(key));
            return this;
        }

        public Collector add(String field, String key, Map<String, ?> args) {
            problems.putIfAbsent(field, Problem.of(key, args));
            return this;
        }

        public Collector addAll(ValidationException e) {
            e.problems().forEach(problems::putIfAbsent);
            return this;
        }

        public boolean isEmpty() {
            return problems.isEmpty();
        }

        public void throwIfAny() {
            if (!problems.isEmpty()) throw new ValidationException(problems);
        }
    }

    public static Collector collector() {
        return new Collector();
    }

    private static String describe(Map<String, Problem> problems) {
        StringBuilder out = new StringBuilder();
        problems.forEach((field, problem) -> {
            if (out.length() > 0) out.append("; ");
            out.append(field).append(": ").append(problem);
        });
        return out.toString();
    }
}
