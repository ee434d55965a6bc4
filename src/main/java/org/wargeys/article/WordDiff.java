package org.wargeys.article;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word diff between two texts (Myers, through java-diff-utils), as an editor reads a change: runs
 * of kept, removed and added text, cut at word boundaries in any script. Used where two versions of
 * a paragraph meet: an edit conflict, a translation's changed source, a revision compared with
 * another. Stateless.
 */
public final class WordDiff {

    /** Past this many tokens on either side the texts are shown as wholly removed and added. */
    static final int MAX_TOKENS = 20_000;

    // A word (letters, marks and digits, with inner apostrophes or hyphens: "ka'", "al-Shabaab"), a run
    // of white space, or any other single character.
    private static final Pattern TOKEN =
            Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:['’\\-][\\p{L}\\p{M}\\p{N}]+)*|\\s+|.", Pattern.DOTALL);

    /** One run of the diff. */
    public record Piece(Kind kind, String text) {}

    /** What happened to a run of text. */
    public enum Kind {
        SAME,
        REMOVED,
        ADDED
    }

    private WordDiff() {}

    public static List<Piece> diff(String before, String after) {
        List<String> a = tokens(before == null ? "" : before);
        List<String> b = tokens(after == null ? "" : after);
        List<Piece> out = new ArrayList<>();
        if (a.size() > MAX_TOKENS || b.size() > MAX_TOKENS) {
            add(out, Kind.REMOVED, String.join("", a));
            add(out, Kind.ADDED, String.join("", b));
            return Collections.unmodifiableList(out);
        }
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b, true).getDeltas()) {
            switch (delta.getType()) {
                case EQUAL ->
                    add(out, Kind.SAME, String.join("", delta.getSource().getLines()));
                case DELETE ->
                    add(out, Kind.REMOVED, String.join("", delta.getSource().getLines()));
                case INSERT ->
                    add(out, Kind.ADDED, String.join("", delta.getTarget().getLines()));
                case CHANGE -> {
                    add(out, Kind.REMOVED, String.join("", delta.getSource().getLines()));
                    add(out, Kind.ADDED, String.join("", delta.getTarget().getLines()));
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    public static boolean hasChanges(List<Piece> diff) {
        return diff.stream().anyMatch(p -> p.kind() != Kind.SAME);
    }

    /** The diff as HTML: kept text as is, {@code <del>} and {@code <ins>} around the rest; all escaped. */
    public static String html(List<Piece> diff) {
        StringBuilder out = new StringBuilder();
        for (Piece piece : diff) {
            String text = escape(piece.text());
            switch (piece.kind()) {
                case SAME -> out.append(text);
                case REMOVED -> out.append("<del>").append(text).append("</del>");
                case ADDED -> out.append("<ins>").append(text).append("</ins>");
            }
        }
        return out.toString();
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) tokens.add(m.group());
        return tokens;
    }

    // Neighbouring runs of one kind are one run; a lone space between two changes joins them, so that
    // "<del>old words</del><ins>new words</ins>" reads as one replacement rather than word by word.
    private static void add(List<Piece> out, Kind kind, String text) {
        if (text.isEmpty()) return;
        if (!out.isEmpty() && out.get(out.size() - 1).kind() == kind) {
            Piece last = out.remove(out.size() - 1);
            out.add(new Piece(kind, last.text() + text));
            return;
        }
        if (kind != Kind.SAME && out.size() >= 3) {
            Piece space = out.get(out.size() - 1);
            Piece added = out.get(out.size() - 2);
            Piece removed = out.get(out.size() - 3);
            if (space.kind() == Kind.SAME
                    && space.text().isBlank()
                    && space.text().length() <= 1
                    && added.kind() == Kind.ADDED
                    && removed.kind() == Kind.REMOVED
                    && kind == Kind.REMOVED) {
                out.remove(out.size() - 1);
                out.remove(out.size() - 1);
                out.remove(out.size() - 1);
                out.add(new Piece(Kind.REMOVED, removed.text() + space.text() + text));
                out.add(new Piece(Kind.ADDED, added.text() + space.text()));
                return;
            }
        }
        out.add(new Piece(kind, text));
    }

    private static String escape(String text) {
        return org.wargeys.platform.Text.escapeHtml(text);
    }
}
