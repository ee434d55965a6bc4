package org.wargeys.platform;

/** Small operations on plain text that several features share. Stateless. */
public final class Text {

    private Text() {}

    /**
     * The text if it has at most {@code max} characters; else its start, cut after the last whole word
     * that fits (or mid-word when that would leave less than half), with an ellipsis — {@code max}
     * characters at most in all.
     */
    public static String shorten(String text, int max) {
        String clean = text.strip();
        if (clean.length() <= max) return clean;
        String cut = clean.substring(0, max - 1);
        int space = cut.lastIndexOf(' ');
        return (space > max / 2 ? cut.substring(0, space) : cut).strip() + "…";
    }

    /** The text escaped for HTML, attributes included (null is empty). */
    public static String escapeHtml(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
