package org.wargeys.translation;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.wargeys.article.BodyBlocks;

/**
 * The empty body a translation starts from: one empty block for each block of the source, of the same
 * kind (a heading for a heading, a list of as many items for a list, the same image for an image with
 * the photographer's credit and no caption or alt text yet), for the translator to fill. Stateless.
 */
final class Skeleton {

    private Skeleton() {}

    static String of(List<BodyBlocks.Block> blocks) {
        StringBuilder out = new StringBuilder();
        for (BodyBlocks.Block block : blocks) out.append(empty(block));
        return out.toString();
    }

    /** The empty counterpart of one source block. */
    static String empty(BodyBlocks.Block block) {
        Element source = Jsoup.parseBodyFragment(block.html()).body().child(0);
        return switch (block.tag()) {
            case "h2", "h3", "h4", "h5", "h6" -> "<" + block.tag() + "></" + block.tag() + ">";
            case "blockquote" ->
                source.hasClass("shareable")
                        ? "<blockquote class=\"shareable\"><p></p></blockquote>"
                        : "<blockquote><p></p></blockquote>";
            case "ul", "ol" -> {
                StringBuilder list = new StringBuilder("<" + block.tag() + ">");
                int items = (int) Math.max(
                        1,
                        source.children().stream()
                                .filter(c -> c.tagName().equals("li"))
                                .count());
                for (int i = 0; i < items; i++) list.append("<li><p></p></li>");
                yield list.append("</").append(block.tag()).append(">").toString();
            }
            case "figure", "img" -> figure(source);
            case "hr" -> "<hr>";
            case "table", "pre", "dl" -> block.html(); // kept as they are: the editor shows these as HTML
            default -> "<p></p>";
        };
    }

    private static String figure(Element source) {
        Element img = source.tagName().equals("img") ? source : source.selectFirst("img");
        if (img == null) return "<p></p>";
        Element copy = new Element("img").attr("src", img.attr("src")).attr("alt", "");
        if (img.hasAttr("width")) copy.attr("width", img.attr("width"));
        if (img.hasAttr("height")) copy.attr("height", img.attr("height"));
        Element credit = source.selectFirst("figcaption small");
        String caption = credit == null
                ? ""
                : "<figcaption><small>" + org.jsoup.nodes.Entities.escape(credit.text()) + "</small></figcaption>";
        return "<figure>" + copy.outerHtml() + caption + "</figure>";
    }
}
