package org.wargeys.web;

import java.util.Map;
import org.wargeys.platform.Problem;

/** A request the site cannot make sense of; answered with a 400 page that says why, in the reader's language. */
public final class BadRequestException extends RuntimeException {

    private final Problem problem;

    public BadRequestException(String key) {
        this(Problem.of(key));
    }

    public BadRequestException(String key, Map<String, ?> args) {
        this(Problem.of(key, args));
    }

    private BadRequestException(Problem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
