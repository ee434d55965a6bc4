package org.wargeys.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/** Replaces each Somali token by its {@link SomaliStemmer} stem. Not thread-safe, like every token stream. */
final class SomaliStemFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    SomaliStemFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) return false;
        if (!keyword.isKeyword()) {
            String stem = SomaliStemmer.stem(term.toString());
            if (stem.length() != term.length()) term.setEmpty().append(stem);
        }
        return true;
    }
}
