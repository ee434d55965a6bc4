package org.wargeys.sharing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A place a reader can share an article to, with the plain link that shares it there. Every link
 * carries the article's URL and headline, so sharing works without JavaScript. {@link #COPY} is the
 * article's own URL, which the share script copies to the clipboard.
 */
enum ShareNetwork {
    X("x", "sharing.network.x"),
    FACEBOOK("facebook", "sharing.network.facebook"),
    WHATSAPP("whatsapp", "sharing.network.whatsapp"),
    TELEGRAM("telegram", "sharing.network.telegram"),
    LINKEDIN("linkedin", "sharing.network.linkedin"),
    EMAIL("email", "sharing.network.email"),
    COPY("copy", "sharing.copy_link");

    private final String id;
    private final String labelKey;

    ShareNetwork(String id, String labelKey) {
        this.id = id;
        this.labelKey = labelKey;
    }

    public String id() {
        return id;
    }

    public String labelKey() {
        return labelKey;
    }

    public static Optional<ShareNetwork> byId(String id) {
        return Arrays.stream(values()).filter(n -> n.id.equals(id)).findFirst();
    }

    /**
     * The share link for a URL and a text. Facebook and LinkedIn take the headline from the page's
     * OpenGraph tags; they are given it as well, in the parameter each one has had for it.
     *
     * @param xHandle the site's X account without the @, or null
     */
    public String link(String url, String text, String xHandle) {
        String u = encode(url);
        String t = encode(text);
        return switch (this) {
            case X ->
                "https://x.com/intent/tweet?url=" + u + "&text=" + t
                        + (xHandle == null ? "" : "&via=" + encode(xHandle));
            case FACEBOOK -> "https://www.facebook.com/sharer/sharer.php?u=" + u + "&quote=" + t;
            case WHATSAPP -> "https://wa.me/?text=" + encode(text + " " + url);
            case TELEGRAM -> "https://t.me/share/url?url=" + u + "&text=" + t;
            case LINKEDIN -> "https://www.linkedin.com/shareArticle?mini=true&url=" + u + "&title=" + t;
            case EMAIL -> "mailto:?subject=" + t + "&body=" + encode(text + "\n\n" + url);
            case COPY -> url;
        };
    }

    // Percent-encoding as RFC 3986 has it: a space is %20, which mail clients and every network read
    // (URLEncoder's "+" would show up literally in a mailto: subject).
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
