package org.wargeys.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordPressContentTest {

    private final WordPressContent content = new WordPressContent();

    @Test
    void block_editor_comments_are_removed() {
        var cleaned =
                content.clean("<!-- wp:paragraph {\"align\":\"center\"} -->\n<p>Hi</p>\n<!-- /wp:paragraph -->", 1);
        assertThat(cleaned.body()).isEqualTo("<p>Hi</p>");
    }

    @Test
    void blank_lines_make_paragraphs_and_single_newlines_line_breaks() {
        assertThat(content.clean("One\ntwo\n\nThree", 1).body()).isEqualTo("<p>One<br>\ntwo</p>\n<p>Three</p>");
    }

    @Test
    void preformatted_text_keeps_its_blank_lines() {
        assertThat(content.clean("<pre>a\n\nb</pre>", 1).body()).isEqualTo("<pre>a\n\nb</pre>");
    }

    @Test
    void a_caption_becomes_a_figure_with_its_caption() {
        var cleaned = content.clean(
                "[caption id=\"attachment_1\" align=\"aligncenter\" width=\"300\"]<img src=\"https://x.org/a.jpg\" alt=\"A\"> The harbour[/caption]",
                1);
        assertThat(cleaned.body())
                .isEqualTo(
                        "<figure class=\"caption aligncenter\"><img src=\"https://x.org/a.jpg\" alt=\"A\"><figcaption>The harbour</figcaption></figure>");
    }

    @Test
    void an_embed_becomes_a_plain_link_not_a_third_party_frame() {
        assertThat(content.clean("[embed]https://video.example/watch?v=1[/embed]", 1)
                        .body())
                .isEqualTo("<p><a href=\"https://video.example/watch?v=1\">https://video.example/watch?v=1</a></p>");
    }

    @Test
    void unknown_shortcodes_are_dropped_keeping_their_text_and_reported() {
        var cleaned = content.clean("Before [button url=\"x\"]Click[/button] after [contact-form-7 id=\"3\"]", 1);
        assertThat(cleaned.body()).isEqualTo("<p>Before Click after</p>");
        assertThat(cleaned.droppedShortcodes()).containsExactly("button", "contact-form-7");
    }

    @Test
    void bracketed_words_in_prose_are_not_shortcodes() {
        var cleaned = content.clean("He said [sic] and [[gallery]] is how you write one.", 1);
        assertThat(cleaned.body()).isEqualTo("<p>He said [sic] and [gallery] is how you write one.</p>");
        assertThat(cleaned.droppedShortcodes()).isEmpty();
    }

    @Test
    void a_gallery_waits_as_a_marker_for_the_attachments() {
        var cleaned = content.clean("[gallery ids=\"4,5\"]", 42);
        assertThat(cleaned.hasGallery()).isTrue();
        assertThat(cleaned.body()).isEqualTo("<!--wargeys-gallery parent=\"42\" ids=\"4,5\"-->");
    }

    @Test
    void the_more_mark_splits_the_teaser_from_the_rest() {
        var cleaned = content.clean("Lede here.\n<!--more-->\nThe rest.", 1);
        assertThat(cleaned.teaser()).isEqualTo("<p>Lede here.</p>");
        assertThat(cleaned.afterTeaser()).isEqualTo("<p>The rest.</p>");
        assertThat(cleaned.body()).isEqualTo("<p>Lede here.</p>\n<p>The rest.</p>");
    }

    @Test
    void an_audio_shortcode_with_a_file_becomes_a_link() {
        assertThat(content.clean("[audio https://x.org/a.mp3]", 1).body())
                .isEqualTo("<p><a href=\"https://x.org/a.mp3\">https://x.org/a.mp3</a></p>");
    }

    @Test
    void a_caption_exported_already_rendered_becomes_a_figure_and_an_empty_one_goes() {
        assertThat(content.clean("<dl class=\"wp-caption\"><dt><img src=\"a.jpg\"></dt><dd>Harbour</dd></dl>", 1)
                        .body())
                .isEqualTo("<figure class=\"caption\"><img src=\"a.jpg\"><figcaption>Harbour</figcaption></figure>");
        assertThat(content.clean("<dl class=\"wp-caption\"><dt></dt></dl>Text", 1)
                        .body())
                .isEqualTo("<p>Text</p>");
    }

    @Test
    void headings_start_at_h2_and_never_skip_a_level() {
        assertThat(content.clean("<h1>A</h1><h4>B</h4><h2>C</h2>", 1).body())
                .isEqualTo("<h2>A</h2>\n<h3>B</h3>\n<h2>C</h2>");
    }

    @Test
    void images_on_another_host_become_links_to_them_and_are_named() {
        var linked = WordPressContent.externalImagesAsLinks(
                "<p>Before <img src=\"https://old.example/wp-content/uploads/2024/03/harbour-view.jpg\" alt=\"The harbour\"> after"
                        + " <img src=\"/media/12-640.jpg\" alt=\"ours\"></p>");
        assertThat(linked.urls()).containsExactly("https://old.example/wp-content/uploads/2024/03/harbour-view.jpg");
        assertThat(linked.body())
                .contains("<a href=\"https://old.example/wp-content/uploads/2024/03/harbour-view.jpg\">The harbour</a>")
                .contains("<img src=\"/media/12-640.jpg\" alt=\"ours\">");
        assertThat(WordPressContent.externalImagesAsLinks("<p>No images.</p>").body())
                .isEqualTo("<p>No images.</p>");
    }
}
