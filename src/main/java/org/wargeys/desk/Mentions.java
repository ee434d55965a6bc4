package org.wargeys.desk;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wargeys.account.User;

/**
 * Mentions in a note: {@code @amina} names the staff member whose email starts {@code amina@}, and
 * {@code @amina@example.org} names one by their whole email (when two share the part before the @). An
 * email address written in a sentence ({@code write to amina@example.org}) is not a mention: a mention
 * starts a word. Stateless.
 */
public final class Mentions {

    /** An @ at the start of a word, then an email's local part, optionally its domain. */
    static final Pattern MENTION =
            Pattern.compile("(?<![\\p{L}\\p{N}._@-])@([A-Za-z0-9._+-]+(?:@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)?)");

    private Mentions() {}

    /** The handles mentioned, in order, each once, lower-cased, without trailing full stops. */
    public static List<String> handles(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text == null ? "" : text);
        while (m.find()) found.add(trim(m.group(1)).toLowerCase(Locale.ROOT));
        return List.copyOf(found);
    }

    /** The handle by which a staff member is mentioned: their email before the @. */
    public static String handle(User user) {
        return user.email().substring(0, user.email().indexOf('@'));
    }

    /** The one active staff member a handle names, or empty (nobody, or more than one). */
    static Optional<User> resolve(String handle, List<User> staff) {
        List<User> matching = new ArrayList<>();
        for (User u : staff) {
            if (!u.active()) continue;
            if (u.email().equals(handle) || handle(u).equalsIgnoreCase(handle)) matching.add(u);
        }
        return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
    }

    /**
     * The text cut into plain runs and mentions, for display; the {@code mention} flag tells which is
     * which. A run is never HTML: the template escapes it.
     */
    public static List<Part> parts(String text) {
        List<Part> parts = new ArrayList<>();
        Matcher m = MENTION.matcher(text);
        int at = 0;
        while (m.find()) {
            String handle = trim(m.group(1));
            int end = m.start(1) + handle.length();
            if (m.start() > at) parts.add(new Part(text.substring(at, m.start()), false));
            parts.add(new Part(text.substring(m.start(), end), true));
            at = end;
        }
        if (at < text.length()) parts.add(new Part(text.substring(at), false));
        return parts;
    }

    /** A run of a note's text. */
    public record Part(String text, boolean mention) {}

    // "@amina." ends a sentence: the full stop is not part of the handle.
    private static String trim(String handle) {
        String h = handle;
        while (h.endsWith(".") || h.endsWith("-")) h = h.substring(0, h.length() - 1);
        return h;
    }
}
