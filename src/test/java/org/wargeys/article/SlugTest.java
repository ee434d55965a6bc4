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
}
