package org.wargeys.platform;

import java.util.Map;

/**
 * A write that would silently undo someone else's; answered with a 409 that says, in the user's
 * language, what happened and what to do.
 */
public class ConflictException extends RuntimeException {

    private final Problem problem;

    public ConflictException(String key) {
        this(Problem.of(key));
    }

    public ConflictException(String key, Map<String, ?> args) {
        this(Problem.of(key, args));
    }

    public ConflictException(Problem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
