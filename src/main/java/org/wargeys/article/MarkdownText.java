package org.wargeys.article;

import java.util.regex.Pattern;

/** Turns plain text into Markdown that renders as exactly that text. */
public final class MarkdownText {

    private static final Pattern INLINE = Pattern.compile("([\\\\`*_\\[\\]<>|~])");
    private static final Pattern ENTITY = Pattern.compile("&(?=#?[A-Za-z0-9]+;)");
    private static final Pattern BLOCK_START = Pattern.compile("^(\\s*)([#>+=-]|\\d+[.)])");

    private MarkdownText() {}

    /** Escapes one paragraph of plain text (line breaks inside it become spaces). */
    public static String escape(String text) {
        String oneLine = text.replaceAll("\\s*\\R\\s*", " ").strip();
        String escaped = INLINE.matcher(oneLine).replaceAll("\\\\$1");
        escaped = ENTITY.matcher(escaped).replaceAll("\\\\&");
        var start = BLOCK_START.matcher(escaped);
        if (start.find()) {
            String marker = start.group(2);
            // Escape the last character of the marker: "1." becomes "1\.", "#" becomes "\#".
            String fixed = marker.substring(0, marker.length() - 1) + "\\" + marker.charAt(marker.length() - 1);
            escaped = start.group(1) + fixed + escaped.substring(start.end());
        }
        return escaped;
    }
}
