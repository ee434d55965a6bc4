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

    public String render(BodyFormat format, String body) {
        String html = switch (format) {
            case MARKDOWN -> renderer.render(parser.parse(body));
            case HTML -> body;
        };
        return sanitizer.sanitize(html).strip();
    }
}
