package org.wargeys.translation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wargeys.article.BodyBlocks;

class SkeletonTest {

    @Test
    void a_translation_starts_with_one_empty_block_of_each_kind_and_the_images_without_their_words() {
        String source =
                "<p>Water points have dried up.</p><h2>North</h2><blockquote class=\"shareable\"><p>We left.</p></blockquote>"
                        + "<ul><li><p>a</p></li><li><p>b</p></li></ul>"
                        + "<figure><img src=\"/media/7-1280.jpg\" alt=\"A dry well\" width=\"1280\" height=\"720\"><figcaption>A well <small>Warsoor</small></figcaption></figure>";
        String skeleton = Skeleton.of(BodyBlocks.of(source));
        assertThat(skeleton)
                .isEqualTo(
                        "<p></p><h2></h2><blockquote class=\"shareable\"><p></p></blockquote>"
                                + "<ul><li><p></p></li><li><p></p></li></ul>"
                                + "<figure><img src=\"/media/7-1280.jpg\" alt=\"\" width=\"1280\" height=\"720\"><figcaption><small>Warsoor</small></figcaption></figure>");
        assertThat(skeleton).doesNotContain("dried", "A dry well", "A well");
    }
}
