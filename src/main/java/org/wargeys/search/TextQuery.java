package org.wargeys.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a reader's words into a Lucene query without Lucene's query syntax, so that no input can be
 * a syntax error: the words are analysed like the text they search (stems, stop words), every word
 * must match in the headline, standfirst or body (headline counts most), and a word of five letters
 * or more that few articles contain (a likely typo) also matches spellings one edit away (two from
 * eight letters), at a lower weight.
 * Stateless.
 */
final class TextQuery {

    static final int MAX_WORDS = 12;
    static final String[] FIELDS = {"headline", "standfirst", "body"};
    private static final float[] WEIGHTS = {3f, 2f, 1f};
    private static final float FUZZY_WEIGHT = 0.4f;

    private TextQuery() {}

    /** A word found in this many articles is taken as spelled right: no fuzzy variants for it. */
    static final int KNOWN_WORD_DOCS = 3;

    /** The query, or null when the text has no searchable word (empty, punctuation, stop words). */
    static Query of(String text, String language, Analyzer analyzers, IndexReader reader) throws IOException {
        Set<String> terms = terms(text, SearchAnalyzers.field("body", language), analyzers);
        if (terms.isEmpty()) return null;
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String term : terms) {
            BooleanQuery.Builder word = new BooleanQuery.Builder();
            boolean known = reader.docFreq(new Term(SearchAnalyzers.field("body", language), term)) >= KNOWN_WORD_DOCS
                    || reader.docFreq(new Term(SearchAnalyzers.field("headline", language), term)) >= KNOWN_WORD_DOCS;
            for (int i = 0; i < FIELDS.length; i++) {
                String field = SearchAnalyzers.field(FIELDS[i], language);
                word.add(new BoostQuery(new TermQuery(new Term(field, term)), WEIGHTS[i]), Occur.SHOULD);
                int edits = term.codePointCount(0, term.length()) >= 8
                        ? 2
                        : term.codePointCount(0, term.length()) >= 5 ? 1 : 0;
                if (edits > 0 && !known) {
                    Query fuzzy = new FuzzyQuery(new Term(field, term), edits, 1, 50, true);
                    word.add(new BoostQuery(fuzzy, WEIGHTS[i] * FUZZY_WEIGHT), Occur.SHOULD);
                }
            }
            all.add(word.build(), Occur.MUST);
        }
        return all.build();
    }

    static Set<String> terms(String text, String field, Analyzer analyzer) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < MAX_WORDS) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
