package org.wargeys.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BodyBlocksTest {

    @Test
    void a_body_is_its_top_level_blocks_and_loose_text_becomes_a_paragraph() {
        List<BodyBlocks.Block> blocks = BodyBlocks.of(
                "<p>One</p>loose <em>text</em><h2>Two</h2><figure><img src=\"/media/4-640.jpg\" alt=\"A well\"><figcaption>Dry <small>AP</small></figcaption></figure>");
        assertThat(blocks).extracting(BodyBlocks.Block::tag).containsExactly("p", "p", "h2", "figure");
        assertThat(blocks.get(1).text()).isEqualTo("loose text");
        assertThat(blocks.get(3).imageSrc()).isEqualTo("/media/4-640.jpg");
        assertThat(blocks.get(3).text()).isEqualTo("Dry AP A well");
    }

    @Test
    void two_bodies_line_up_with_changed_blocks_paired_and_new_ones_alone() {
        var before = BodyBlocks.of("<p>Intro.</p><p>Herders move north.</p><p>Gone.</p>");
        var after = BodyBlocks.of("<p>Intro.</p><p>Herders move south.</p><p>Aid agencies warn.</p><p>New.</p>");
        List<BodyBlocks.Row> rows = BodyBlocks.align(before, after);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).changed()).isFalse();
        assertThat(rows.get(1).changed()).isTrue();
        assertThat(rows.get(1).diffHtml()).isEqualTo("Herders move <del>north</del><ins>south</ins>.");
        assertThat(rows.get(3).before()).isNull();
        assertThat(rows.get(3).after().text()).isEqualTo("New.");
    }

    @Test
    void an_empty_paragraph_is_a_place_still_to_fill() {
        assertThat(BodyBlocks.isEmpty(BodyBlocks.of("<p></p>").get(0))).isTrue();
        assertThat(BodyBlocks.isEmpty(BodyBlocks.of("<figure><img src=\"/media/1-320.jpg\" alt=\"\"></figure>")
                        .get(0)))
                .isFalse();
    }

    @Test
    void readers_never_get_the_empty_paragraphs_a_translation_keeps() {
        var renderer = new BodyRenderer(new HtmlSanitizer());
        assertThat(renderer.render(BodyFormat.HTML, "<p>Kept</p><p></p><h2></h2><p>Too</p>"))
                .isEqualTo("<p>Kept</p><p>Too</p>");
        assertThat(renderer.editable(BodyFormat.HTML, "<p>Kept</p><p></p>")).isEqualTo("<p>Kept</p><p></p>");
    }

    @Test
    void what_the_rich_editor_writes_survives_the_sanitizer() {
        var renderer = new BodyRenderer(new HtmlSanitizer());
        String editor = "<h2>Heading</h2><p><strong>b</strong> <em>i</em> <a href=\"https://example.org/x\">l</a></p>"
                + "<blockquote class=\"shareable\"><p>Quote</p></blockquote><ul><li><p>one</p></li></ul>"
                + "<figure><img src=\"/media/3-1280.jpg\" alt=\"Alt\" width=\"1280\" height=\"853\"><figcaption>Cap <small>Credit</small></figcaption></figure>";
        String out = renderer.render(BodyFormat.HTML, editor);
        assertThat(out)
                .contains("<h2>Heading</h2>", "<strong>b</strong>", "<em>i</em>", "href=\"https://example.org/x\"")
                .contains(
                        "<blockquote class=\"shareable\">",
                        "<li>",
                        "<figure>",
                        "src=\"/media/3-1280.jpg\"",
                        "alt=\"Alt\"")
                .contains("<figcaption>Cap <small>Credit</small></figcaption>");
    }
}
