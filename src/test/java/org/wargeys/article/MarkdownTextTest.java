package org.wargeys.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownTextTest {

    private final BodyRenderer renderer = new BodyRenderer(new HtmlSanitizer());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1. Not a list item",
                "# Not a heading",
                "> Not a quote",
                "- Not a bullet",
                "Stars *here* and _there_ and `code` and [link](http://x)",
                "Angle <script>alert(1)</script> brackets",
                "Ampersand &amp; entity and AT&T",
                "U.S.-Iran tensions are already running high — “quoted”",
            })
    void escaped_text_renders_as_exactly_that_text(String text) {
        String html = renderer.render(BodyFormat.MARKDOWN, MarkdownText.escape(text));
        assertThat(html).startsWith("<p>").endsWith("</p>");
        assertThat(org.jsoup.Jsoup.parse(html).text()).isEqualTo(text);
    }
}
