package org.wargeys.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugTest {

    @Test
    void takes_the_first_words_in_lower_case() {
        assertThat(Slug.of("Iran Vows Soleimani Revenge As First Anniversary", 4))
                .isEqualTo("iran-vows-soleimani-revenge");
    }

    @Test
    void folds_latin_accents_and_drops_punctuation() {
        assertThat(Slug.of("Café «Déjà vu» — U.S.-Iran!", 10)).isEqualTo("cafe-deja-vu-u-s-iran");
    }

    @Test
    void keeps_other_scripts() {
        String slug = Slug.of("إيران تتوعد بالانتقام", 5);
        assertThat(slug).isEqualTo("ايران-تتوعد-بالانتقام");
        assertThat(Slug.isValid(slug)).isTrue();
    }

    @Test
    void validates() {
        assertThat(Slug.isValid("iran-oo-ballan-qaaday")).isTrue();
        assertThat(Slug.isValid("Upper")).isFalse();
        assertThat(Slug.isValid("double--hyphen")).isFalse();
        assertThat(Slug.isValid("-edge")).isFalse();
        assertThat(Slug.isValid("../etc")).isFalse();
        assertThat(Slug.isValid("a".repeat(121))).isFalse();
    }

    @Test
    void a_typed_slug_is_folded_to_its_one_form() {
        assertThat(Slug.normalize("ｉｒａｎ－１")).isEqualTo("iran-1");
        assertThat(Slug.normalize(" Iran-Vows ")).isEqualTo("iran-vows");
        assertThat(Slug.of("ＩＲＡＮ vows", 8)).isEqualTo("iran-vows");
    }

    @Test
    void a_slug_mixing_alphabets_is_a_lookalike() {
        // "iran" with a Cyrillic "а" (U+0430) looks exactly like the Latin one.
        assertThat(Slug.mixesScripts("ir\u0430n")).isTrue();
        assertThat(Slug.mixesScripts("iran-2020")).isFalse();
        assertThat(Slug.mixesScripts("إيران-2020")).isFalse();
        assertThat(Slug.mixesScripts("iiraan-oo-ballan-qaaday")).isFalse();
    }
}
