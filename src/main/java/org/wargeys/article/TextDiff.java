package org.wargeys.article;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A line diff (longest common subsequence) between two texts, as editors read it: kept, removed and
 * added lines in order. Texts are articles, so quadratic time in lines is fine; past
 * {@link #MAX_LINES} lines the diff degrades to "all removed, all added" rather than use the memory.
 */
public final class TextDiff {

    static final int MAX_LINES = 5_000;

    /** One line of a diff. */
    public record Line(Kind kind, String text) {}

    /** What happened to a line. */
    public enum Kind {
        SAME,
        REMOVED,
        ADDED
    }

    private TextDiff() {}

    public static List<Line> lines(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        if ((long) a.length * b.length > (long) MAX_LINES * MAX_LINES / 4) {
            List<Line> out = new ArrayList<>();
            for (String line : a) out.add(new Line(Kind.REMOVED, line));
            for (String line : b) out.add(new Line(Kind.ADDED, line));
            return out;
        }
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] =
                        a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                out.add(new Line(Kind.SAME, a[i++]));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                out.add(new Line(Kind.REMOVED, a[i++]));
            } else {
                out.add(new Line(Kind.ADDED, b[j++]));
            }
        }
        while (i < a.length) out.add(new Line(Kind.REMOVED, a[i++]));
        while (j < b.length) out.add(new Line(Kind.ADDED, b[j++]));
        return Collections.unmodifiableList(out);
    }

    public static boolean hasChanges(List<Line> diff) {
        return diff.stream().anyMatch(l -> l.kind() != Kind.SAME);
    }
}
