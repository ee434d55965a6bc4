package org.wargeys.newsletter;

import java.util.List;

/**
 * The model of {@code newsletter/email.jte}: one reader's message in one language, from which both the
 * HTML part and the plain-text part are written, so they always say the same. Immutable.
 *
 * @param language the message's language code (its {@code lang})
 * @param direction {@code ltr} or {@code rtl}
 * @param heading the message's title (an article's headline for an alert)
 * @param headingUrl where the heading leads, or null
 * @param paragraphs the text, one entry a paragraph
 * @param actionLabel the button's words, or null for none
 * @param actionUrl where the button leads
 * @param footer small print: why they get it
 * @param links the footer's links (preferences, unsubscribe), in order
 * @param picture the image under the heading (an alert's featured image), or null
 * @param items the articles listed under the text (a digest's), in order
 */
public record EmailBody(
        String language,
        String direction,
        String siteName,
        String siteUrl,
        String heading,
        String headingUrl,
        List<String> paragraphs,
        String actionLabel,
        String actionUrl,
        String footer,
        List<Link> links,
        Picture picture,
        List<Item> items) {

    public EmailBody {
        paragraphs = List.copyOf(paragraphs);
        links = List.copyOf(links);
        items = List.copyOf(items);
    }

    /** An image with its alt text (never empty: a picture without one is left out), at its size. */
    public record Picture(String src, String alt, int width, int height) {}

    /** One article of a digest: its headline and link, its standfirst (or null) and its picture (or null). */
    public record Item(String headline, String url, String standfirst, Picture picture) {}

    /** A link in the footer. */
    public record Link(String label, String url) {}

    /** The plain-text part: the same words, links written out. */
    String text() {
        StringBuilder out = new StringBuilder();
        out.append(heading).append("\n");
        if (headingUrl != null) out.append(headingUrl).append("\n");
        out.append("\n");
        for (String p : paragraphs) out.append(p).append("\n\n");
        for (Item item : items) {
            out.append(item.headline()).append("\n").append(item.url()).append("\n");
            if (item.standfirst() != null) out.append(item.standfirst()).append("\n");
            out.append("\n");
        }
        if (actionLabel != null)
            out.append(actionLabel).append(":\n").append(actionUrl).append("\n\n");
        out.append("-- \n").append(siteName).append(" ").append(siteUrl).append("\n");
        if (footer != null) out.append(footer).append("\n");
        for (Link l : links) out.append(l.label()).append(": ").append(l.url()).append("\n");
        return out.toString();
    }
}
