package org.wargeys.article;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns a stored body into the HTML readers get: Markdown is rendered with CommonMark, then every
 * body, whatever its format, goes through the one sanitizer. Thread-safe.
 */
public final class BodyRenderer {

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final HtmlSanitizer sanitizer;

    public BodyRenderer(HtmlSanitizer sanitizer) {
        var extensions = List.of(TablesExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder().extensions(extensions).build();
        this.sanitizer = sanitizer;
    }

    /** The HTML readers get: sanitized, without the empty paragraphs a translation keeps as places to fill. */
    public String render(BodyFormat format, String body) {
        return EMPTY_BLOCK.matcher(editable(format, body)).replaceAll("").strip();
    }

    /**
     * The body as the rich editor opens it: Markdown rendered, everything sanitized, empty paragraphs
     * kept (a translation's body keeps one per source paragraph still to be translated).
     */
    public String editable(BodyFormat format, String body) {
        String html = switch (format) {
            case MARKDOWN -> renderer.render(parser.parse(body == null ? "" : body));
            case HTML -> body;
        };
        return sanitizer.sanitize(html).strip();
    }

    // An element with nothing in it but white space or line breaks, as the sanitizer writes it.
    private static final java.util.regex.Pattern EMPTY_BLOCK =
            java.util.regex.Pattern.compile("<(p|h[2-6]|blockquote|li)>(?:\\s|&nbsp;|&#160;|<br />)*</\\1>");
}
