package org.wargeys;

import org.wargeys.platform.ConflictException;
import org.wargeys.platform.ValidationException;
import org.wargeys.web.MessageBundles;
import org.wargeys.web.Messages;

/** Words the program's refusals for the terminal, in English (the commands' language). */
final class Terminal {

    private Terminal() {}

    static String explain(RuntimeException e) {
        Messages english = MessageBundles.english();
        if (e instanceof ValidationException v) {
            return String.join(" ", english.problems(v.problems()).values());
        }
        if (e instanceof ConflictException c) return english.problem(c.problem());
        return e.getMessage();
    }
}
