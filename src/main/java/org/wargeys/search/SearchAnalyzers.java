package org.wargeys.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * One analyzer for the whole index that analyses each text field with its language's analyzer:
 * text fields are named {@code NAME_LANG} ({@code body_so}). English stems and drops stop words,
 * Arabic normalizes (hamza, alef and ya forms, diacritics) and light-stems, Somali uses
 * {@link SomaliAnalyzer}; any other language gets word breaking and ICU folding only. Thread-safe.
 */
final class SearchAnalyzers extends DelegatingAnalyzerWrapper {

    private final Map<String, Analyzer> byLanguage = Map.of(
            "en", new EnglishAnalyzer(),
            "ar", new ArabicAnalyzer(),
            "so", new SomaliAnalyzer());
    private final Analyzer fallback = new FoldingAnalyzer();

    SearchAnalyzers() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    static String field(String name, String language) {
        return name + "_" + language;
    }

    Analyzer forLanguage(String language) {
        return byLanguage.getOrDefault(language, fallback);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        int at = fieldName.lastIndexOf('_');
        return at < 0 ? fallback : forLanguage(fieldName.substring(at + 1));
    }

    @Override
    public void close() {
        byLanguage.values().forEach(Analyzer::close);
        fallback.close();
        super.close();
    }

    /** Word breaking and folding, for languages without an analyzer of their own. */
    private static final class FoldingAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new ICUFoldingFilter(tokenizer);
            return new TokenStreamComponents(tokenizer, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ICUFoldingFilter(in);
        }
    }
}
