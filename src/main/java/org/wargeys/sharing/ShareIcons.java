package org.wargeys.sharing;

import java.util.Map;

/**
 * The share bar's icons: small inline SVG drawn for Wargeys (no network's artwork, nothing fetched),
 * in the text colour, hidden from screen readers since every control has a text label.
 */
final class ShareIcons {

    private static final String OPEN =
            "<svg class=\"share-icon\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 24 24\" width=\"18\" height=\"18\">";
    private static final String STROKE =
            "<path fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\" d=\"";
    private static final String FILL = "<path fill=\"currentColor\" d=\"";

    private static final Map<String, String> ICONS = Map.of(
            "x", STROKE + "M5 4l14 16M19 4L5 20\"/>",
            "facebook",
                    FILL
                            + "M13.5 21v-7h2.4l.4-3h-2.8V9.2c0-.9.3-1.5 1.5-1.5h1.5V5.1A19 19 0 0 0 14.3 5c-2.2 0-3.8 1.4-3.8 3.9V11H8v3h2.5v7z\"/>",
            "whatsapp", STROKE + "M4 20l1.3-4A8 8 0 1 1 8 18.8zM9 9.5c0 3 2.5 5.5 5.5 5.5\"/>",
            "telegram", STROKE + "M21 4L3 11l6 2 2 6 3-4 4 3zM9 13l8-6\"/>",
            "linkedin",
                    FILL
                            + "M4 9h3v11H4zM5.5 3.5a1.8 1.8 0 1 1 0 3.6 1.8 1.8 0 0 1 0-3.6zM9.5 9h3v1.5c.5-.9 1.6-1.8 3.3-1.8 3.2 0 3.7 2 3.7 4.6V20h-3v-6c0-1.4-.3-2.4-1.6-2.4-1.4 0-2.4.9-2.4 2.5V20h-3z\"/>",
            "email", STROKE + "M3 6h18v12H3zM3 6l9 7 9-7\"/>",
            "copy",
                    STROKE
                            + "M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1\"/>",
            "share", STROKE + "M12 15V3M7 8l5-5 5 5M5 12v8h14v-8\"/>");

    private ShareIcons() {}

    /** The SVG markup of an icon: a constant, safe to print unescaped. */
    static String of(String name) {
        String path = ICONS.get(name);
        if (path == null) throw new IllegalArgumentException("No share icon " + name);
        return OPEN + path + "</svg>";
    }
}
