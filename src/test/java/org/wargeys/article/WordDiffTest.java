package org.wargeys.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void a_changed_word_is_removed_and_added_and_the_rest_is_kept() {
        List<WordDiff.Piece> diff = WordDiff.diff("Herders move north.", "Herders move south.");
        assertThat(diff)
                .containsExactly(
                        new WordDiff.Piece(WordDiff.Kind.SAME, "Herders move "),
                        new WordDiff.Piece(WordDiff.Kind.REMOVED, "north"),
                        new WordDiff.Piece(WordDiff.Kind.ADDED, "south"),
                        new WordDiff.Piece(WordDiff.Kind.SAME, "."));
    }

    @Test
    void words_of_somali_and_arabic_are_whole_words_with_their_apostrophes_and_marks() {
        assertThat(WordDiff.tokens("Xoolo-dhaqatadu ka'a guurayaan"))
                .containsExactly("Xoolo-dhaqatadu", " ", "ka'a", " ", "guurayaan");
        assertThat(WordDiff.html(WordDiff.diff("جفّت الآبار في جلمدغ", "جفّت الآبار في المنطقة")))
                .isEqualTo("جفّت الآبار في <del>جلمدغ</del><ins>المنطقة</ins>");
    }

    @Test
    void a_run_of_replaced_words_reads_as_one_replacement() {
        assertThat(WordDiff.html(WordDiff.diff("the rains fail", "the wells run dry")))
                .isEqualTo("the <del>rains fail</del><ins>wells run dry</ins>");
    }

    @Test
    void the_html_is_escaped() {
        assertThat(WordDiff.html(WordDiff.diff("a <b>", "a <i>")))
                .doesNotContain("<b>")
                .contains("&lt;");
    }

    @Test
    void same_texts_have_no_changes() {
        assertThat(WordDiff.hasChanges(WordDiff.diff("One two.", "One two."))).isFalse();
        assertThat(WordDiff.hasChanges(WordDiff.diff("One two.", "One, two."))).isTrue();
    }
}
