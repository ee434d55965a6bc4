package org.wargeys.sharing;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.wargeys.platform.Text;

/**
 * Shareable pull quotes: a {@code <blockquote class="shareable">} in an article body (HTML, or raw
 * HTML inside Markdown) gets a small link that shares the quote itself on X, with the article's URL.
 */
final class PullQuotes {

    static final int MAX_QUOTE = 200;

    private PullQuotes() {}

    /** The body with a share link in each shareable quote; the body unchanged when it has none. */
    static String decorate(String bodyHtml, String url, String xHandle, String label) {
        if (!bodyHtml.contains("shareable")) return bodyHtml;
        Document doc = Jsoup.parseBodyFragment(bodyHtml);
        doc.outputSettings().prettyPrint(false);
        var quotes = doc.select("blockquote.shareable");
        if (quotes.isEmpty()) return bodyHtml;
        for (Element quote : quotes) {
            String text = shorten(quote.text());
            if (text.isEmpty()) continue;
            Element link = quote.appendElement("p")
                    .addClass("quote-share")
                    .appendElement("a")
                    .attr("href", ShareNetwork.X.link(url, "“" + text + "”", xHandle))
                    .attr("data-network", ShareNetwork.X.id())
                    .attr("target", "_blank")
                    .attr("rel", "noopener");
            link.append(ShareIcons.of("x"));
            link.appendElement("span").text(label);
        }
        return doc.body().html();
    }

    static String shorten(String text) {
        return Text.shorten(text, MAX_QUOTE);
    }
}
