package org.wargeys.pages;

import gg.jte.Content;
import java.util.Map;
import org.wargeys.web.Html;
import org.wargeys.web.Messages;

/**
 * Autodiscovery links ({@code <link rel=alternate type=application/rss+xml>}) for feeds beyond the
 * language's main feed, which the layout links on every page. Feed addresses: {@code /LANG/rss.xml},
 * {@code /LANG/atom.xml}, and the same under {@code /LANG/section/SLUG/} and {@code /LANG/tag/SLUG/}.
 */
final class FeedLinks {

    private FeedLinks() {}

    public static String rss(String base) {
        return base + "/rss.xml";
    }

    public static String atom(String base) {
        return base + "/atom.xml";
    }

    static Content section(String language, String slug, String title, Messages msg) {
        return links(ArchivePaths.section(language, slug), title, msg);
    }

    static Content tag(String language, String slug, String title, Messages msg) {
        return links(ArchivePaths.tag(language, slug), title, msg);
    }

    private static Content links(String base, String title, Messages msg) {
        String html =
                "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"" + Html.escape(rss(base)) + "\" title=\""
                        + Html.escape(msg.format("feed.rss_link", Map.of("title", title))) + "\">\n"
                        + "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"" + Html.escape(atom(base))
                        + "\" title=\""
                        + Html.escape(msg.format("feed.atom_link", Map.of("title", title))) + "\">\n";
        return output -> output.writeContent(html);
    }
}
