package org.wargeys.article;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * An HTML body as its top-level blocks (paragraphs, headings, quotes, lists, figures), and two bodies
 * lined up block by block: what a translation is laid out against, and what an edit conflict shows
 * side by side. Stateless.
 */
public final class BodyBlocks {

    /**
     * One block.
     *
     * @param tag the element's name ({@code p}, {@code h2}, {@code figure} …)
     * @param html its outer HTML
     * @param text what a reader reads in it (for a figure: its caption and alt text)
     */
    public record Block(String tag, String html, String text) {
        /** The library image a figure shows ({@code /media/12-1280.jpg}), or null. */
        public String imageSrc() {
            if (!tag.equals("figure") && !tag.equals("img")) return null;
            Element img = Jsoup.parseBodyFragment(html).selectFirst("img[src]");
            return img == null ? null : img.attr("src");
        }
    }

    /**
     * A row of two bodies lined up: the block of each at that place, or null where one has none (added
     * or removed). Both present and {@link #changed()}: the same block, edited.
     */
    public record Row(Block before, Block after) {
        public boolean changed() {
            return before == null || after == null || !before.html().equals(after.html());
        }

        /** The word diff of the row's text, as HTML ({@link WordDiff#html}). */
        public String diffHtml() {
            return WordDiff.html(WordDiff.diff(before == null ? "" : before.text(), after == null ? "" : after.text()));
        }
    }

    private BodyBlocks() {}

    /** The top-level blocks of an HTML body; loose text and inline elements are gathered into paragraphs. */
    public static List<Block> of(String html) {
        Document doc = Jsoup.parseBodyFragment(html == null ? "" : html);
        doc.outputSettings().prettyPrint(false);
        List<Block> blocks = new ArrayList<>();
        Element loose = null;
        for (Node node : new ArrayList<>(doc.body().childNodes())) {
            if (node instanceof Element e && e.isBlock()) {
                loose = flush(loose, blocks);
                blocks.add(block(e));
            } else if (node instanceof TextNode text && text.isBlank()) {
                continue;
            } else if (node instanceof Element || node instanceof TextNode) {
                if (loose == null) loose = new Element("p");
                loose.appendChild(node.clone());
            }
        }
        flush(loose, blocks);
        return blocks;
    }

    private static Element flush(Element loose, List<Block> blocks) {
        if (loose != null) blocks.add(block(loose));
        return null;
    }

    private static Block block(Element e) {
        String text;
        if (e.tagName().equals("figure") || e.tagName().equals("img")) {
            Element img = e.tagName().equals("img") ? e : e.selectFirst("img");
            Element caption = e.selectFirst("figcaption");
            text = ((caption == null ? "" : caption.text()) + " " + (img == null ? "" : img.attr("alt"))).strip();
        } else {
            text = e.text();
        }
        return new Block(e.tagName(), e.outerHtml(), text);
    }

    /** The HTML of blocks, one after another. */
    public static String join(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        for (Block b : blocks) if (b != null) out.append(b.html());
        return out.toString();
    }

    /**
     * Lines two lists of blocks up (Myers on the blocks' HTML): identical blocks share a row; a run of
     * changed blocks is paired in order, the rest of the longer side stands alone.
     */
    public static List<Row> align(List<Block> before, List<Block> after) {
        List<String> a = before.stream().map(Block::html).toList();
        List<String> b = after.stream().map(Block::html).toList();
        List<Row> rows = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b, true).getDeltas()) {
            int from = delta.getSource().getPosition();
            int to = delta.getTarget().getPosition();
            int removed = delta.getSource().size();
            int added = delta.getTarget().size();
            switch (delta.getType()) {
                case EQUAL -> {
                    for (int i = 0; i < removed; i++) rows.add(new Row(before.get(from + i), after.get(to + i)));
                }
                case DELETE -> {
                    for (int i = 0; i < removed; i++) rows.add(new Row(before.get(from + i), null));
                }
                case INSERT -> {
                    for (int i = 0; i < added; i++) rows.add(new Row(null, after.get(to + i)));
                }
                case CHANGE -> {
                    int paired = Math.min(removed, added);
                    for (int i = 0; i < paired; i++) rows.add(new Row(before.get(from + i), after.get(to + i)));
                    for (int i = paired; i < removed; i++) rows.add(new Row(before.get(from + i), null));
                    for (int i = paired; i < added; i++) rows.add(new Row(null, after.get(to + i)));
                }
            }
        }
        return rows;
    }

    /** True when the block has no text and shows no image: a paragraph still to be written. */
    public static boolean isEmpty(Block block) {
        return block.text().isBlank() && block.imageSrc() == null && !Objects.equals(block.tag(), "hr");
    }
}
