package org.wargeys.article;

import java.util.Optional;
import org.wargeys.platform.ValidationException;

/** An X (Twitter) account name as people type it: {@code @warsoor} or {@code warsoor}, stored without the @. */
public final class XHandle {

    private XHandle() {}

    /**
     * The account without the @, or empty for a blank value; refuses anything X would not accept (1 to
     * 15 letters, digits or underscores) with a problem on {@code field}.
     */
    public static Optional<String> parse(String field, String typed) {
        String handle = typed == null ? "" : typed.strip();
        if (handle.startsWith("@")) handle = handle.substring(1);
        if (handle.isEmpty()) return Optional.empty();
        if (!handle.matches("[A-Za-z0-9_]{1,15}")) throw ValidationException.of(field, "article.error.x_handle");
        return Optional.of(handle);
    }
}
