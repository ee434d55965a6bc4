package org.wargeys.pages;

import org.jsoup.Jsoup;
import org.wargeys.article.Article;
import org.wargeys.platform.Text;

/** The short text that stands for an article in lists and previews: its standfirst, else its lede. */
final class Summaries {

    static final int MAX_LENGTH = 240;

    private Summaries() {}

    static String of(Article article) {
        if (article.standfirst() != null && !article.standfirst().isBlank()) return article.standfirst();
        String html = article.bodyHtml();
        int end = html.indexOf("</p>");
        String lede = Jsoup.parse(end < 0 ? html : html.substring(0, end)).text();
        return shorten(lede);
    }

    static String shorten(String text) {
        return Text.shorten(text, MAX_LENGTH);
    }

    /** Sanitized HTML as plain text, shortened to at most {@code max} characters (a live entry's summary). */
    static String plain(String html, int max) {
        return Text.shorten(Jsoup.parse(html).text(), max);
    }
}
