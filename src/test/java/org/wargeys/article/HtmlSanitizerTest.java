package org.wargeys.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlSanitizerTest {

    private final BodyRenderer renderer = new BodyRenderer(new HtmlSanitizer());

    @Test
    void scripts_handlers_and_javascript_urls_never_survive() {
        String html = renderer.render(BodyFormat.HTML, """
                <p onclick="steal()">Hi <script>alert(1)</script><a href="javascript:alert(2)">x</a>
                <img src="x" onerror="alert(3)"><iframe src="https://evil.example"></iframe>
                <a href="https://example.org/story">ok</a><style>body{}</style></p>""");
        assertThat(html).doesNotContain("script", "onclick", "onerror", "javascript:", "iframe", "style");
        assertThat(html).contains("href=\"https://example.org/story\"");
    }

    @Test
    void markdown_raw_html_is_sanitized_too() {
        String html =
                renderer.render(BodyFormat.MARKDOWN, "Text <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>");
        assertThat(html).doesNotContain("<script", "onerror");
    }

    @Test
    void keeps_news_structure() {
        String html =
                renderer.render(BodyFormat.MARKDOWN, "## Sub\n\n> “Quote,” he said.\n\n- one\n- two\n\n**bold** _em_");
        assertThat(html)
                .contains("<h2>Sub</h2>", "<blockquote>", "<li>one</li>", "<strong>bold</strong>", "<em>em</em>");
    }
}
