package org.wargeys.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Somali text analysis, which Lucene does not ship: Unicode word breaking, ICU folding (case,
 * diacritics, typographic apostrophes), a Somali stop-word list and the light {@link SomaliStemmer}.
 * Thread-safe, as Lucene analyzers are.
 */
final class SomaliAnalyzer extends Analyzer {

    /** Function words too frequent to help a search: conjunctions, particles, pronouns, prepositions. */
    static final CharArraySet STOP_WORDS = new CharArraySet(
            java.util.List.of(
                    "iyo", "ee", "oo", "ah", "ka", "ku", "u", "la", "loo", "lagu", "laga", "lala", "ay", "uu", "aan",
                    "waa", "wa", "waxa", "waxaa", "waxay", "wuxuu", "waxuu", "waxaan", "ayaa", "baa", "ayay", "ayuu",
                    "in", "inay", "inuu", "inaan", "soo", "sii", "kale", "kala", "ugu", "uga", "ugala", "kaga", "kula",
                    "kuwa", "kii", "tii", "ama", "mise", "laakiin", "haddii", "hadii", "marka", "markii", "sida", "si",
                    "ma", "mid", "hal", "wax", "iyada", "isaga", "iyaga", "anigu", "aniga", "adiga", "annaga", "innaga",
                    "iyadoo", "isagoo", "iyagoo", "yahay", "ahaa", "ahayd", "tahay", "jira", "jiray", "jirta", "jiro",
                    "dhan", "kan", "kaas", "tan", "taas", "kuwan", "kuwaas", "halkan", "halkaas", "hadda", "weli",
                    "sidoo", "xitaa", "iska", "isku", "ismaan", "ha", "na", "ina", "ii", "kuu", "noo", "idin"),
            false);

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new ICUFoldingFilter(tokenizer);
        stream = new StopFilter(stream, STOP_WORDS);
        stream = new SomaliStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ICUFoldingFilter(in);
    }
}
