package org.wargeys.article;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * The one HTML policy for everything that enters as article HTML (the editor, Markdown output,
 * imports): text structure, links, images and tables; never scripts, event handlers, styles or
 * {@code javascript:} URLs. Thread-safe.
 */
final class HtmlSanitizer {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "p",
                    "br",
                    "hr",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "blockquote",
                    "pre",
                    "code",
                    "em",
                    "strong",
                    "b",
                    "i",
                    "u",
                    "s",
                    "sub",
                    "sup",
                    "small",
                    "mark",
                    "cite",
                    "q",
                    "abbr",
                    "ul",
                    "ol",
                    "li",
                    "dl",
                    "dt",
                    "dd",
                    "figure",
                    "figcaption",
                    "span",
                    "div")
            .allowAttributes("class")
            .matching(true, "shareable", "pull-quote", "caption", "aligncenter", "alignleft", "alignright")
            .onElements("blockquote", "figure", "p", "span", "div")
            .allowAttributes("title")
            .onElements("abbr")
            .allowAttributes("cite")
            .onElements("blockquote", "q")
            .allowAttributes("lang", "dir")
            .globally()
            .allowStandardUrlProtocols()
            .toFactory()
            .and(Sanitizers.LINKS)
            .and(Sanitizers.IMAGES)
            .and(Sanitizers.TABLES);

    public String sanitize(String html) {
        return POLICY.sanitize(html == null ? "" : html);
    }
}
