package org.wargeys.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The Somali analyzer on sentences of the Somali fixture (seed-article.so.txt). */
class SomaliAnalyzerTest {

    private final Analyzer analyzer = new SomaliAnalyzer();

    @Test
    void definite_and_possessive_forms_of_killing_share_one_stem() {
        // "dilkiisa" (his killing), "dilkii" (the killing), "dilka" (the killing) and "dil".
        assertThat(terms("dilkiisa dilkii dilka dil")).containsExactly("dil", "dil", "dil", "dil");
    }

    @Test
    void leaders_singular_and_plural_with_articles_share_one_stem() {
        // From the fixture: "Hoggaamiyeyaasha Iran" (Iran's leaders), "Hoggaamiyaha Sare" (the Supreme Leader),
        // "hoggaamiyeyaasha nidaamku" (the regime's leaders).
        List<String> stems = terms("Hoggaamiyeyaasha Hoggaamiyaha hoggaamiye");
        assertThat(stems).hasSize(3).containsOnly(stems.get(0));
        assertThat(stems.get(0)).isEqualTo("hoggaamiy");
    }

    @Test
    void the_plural_weeks_with_article_and_possessive_meet_the_bare_noun() {
        // "toddobaadyadiisii ugu dambeeyay" (its last weeks) against "toddobaad" (week).
        assertThat(terms("toddobaadyadiisii")).containsExactly("toddobaad");
        assertThat(terms("toddobaad")).containsExactly("toddobaad");
        assertThat(terms("toddobaadyo")).containsExactly("toddobaad");
    }

    @Test
    void article_after_a_final_consonant_is_removed() {
        // "xiisadda" (the tension), "maamulka" (the administration), "Mareykanka" (America, definite).
        assertThat(terms("xiisadda xiisad")).containsExactly("xiisad", "xiisad");
        assertThat(terms("maamulka maamul")).containsExactly("maamul", "maamul");
        assertThat(terms("Mareykanka Mareykan")).containsExactly("mareykan", "mareykan");
    }

    @Test
    void plural_ooyin_is_removed() {
        assertThat(terms("magaalooyinka magaalooyin magaalo")).containsOnly("magaal");
    }

    @Test
    void stop_words_are_dropped_and_case_and_diacritics_folded() {
        // "Iran waxay isu diyaarinaysaa xuska sannad-guurada iyadoo …" — "waxay" and "iyadoo" are function words.
        List<String> stems = terms("Iran waxay iyo ee oo ah IRÁN");
        assertThat(stems).containsExactly("iran", "iran");
    }

    @Test
    void short_words_keep_at_least_three_letters() {
        assertThat(terms("dad")).containsExactly("dad");
        assertThat(terms("gaadh")).containsExactly("gaadh");
        assertThat(SomaliStemmer.stem("aqda")).hasSizeGreaterThanOrEqualTo(SomaliStemmer.MIN_STEM);
    }

    @Test
    void the_fixture_lede_analyses_to_content_words_only() {
        String lede = "Hoggaamiyeyaasha Iran ayaa sii wada hanjabaadyo joogto ah iyadoo ay soo dhowdahay "
                + "sannad-guuradii koowaad ee dilkii taliyihii sare Sarreeye Guuto Qassem Soleimani";
        List<String> stems = terms(lede);
        assertThat(stems)
                .doesNotContain("ayaa", "sii", "ah", "iyadoo", "ay", "soo", "ee")
                .contains("hoggaamiy", "iran", "dil", "soleiman", "qassem");
    }

    private List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body_so", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) terms.add(term.toString());
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
