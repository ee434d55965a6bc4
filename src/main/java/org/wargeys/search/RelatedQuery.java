package org.wargeys.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The "more like this" query of one indexed article: its most distinctive words (frequent in it, rare
 * in the index) as a disjunction. Read from the article's term vectors, so nothing is re-analysed.
 *
 * <p>Why not Lucene's {@code MoreLikeThis}: it looks up how many articles contain every distinct word
 * of the article (hundreds of term-dictionary seeks per segment) before choosing a dozen, which was
 * half the render time of an uncached article page. Here only the article's most frequent words are
 * looked up: in news text the words an article repeats are its subject (names, places), and the
 * stop-word lists have already removed the function words.
 */
final class RelatedQuery {

    /** How many of the article's most frequent words are weighed against the index. */
    static final int CANDIDATES = 30;
    /** How many words the query keeps. */
    static final int TERMS = 10;
    /** Words in more than this share of the articles say nothing about likeness. */
    static final double MAX_DOC_SHARE = 0.2;

    static final int MIN_WORD_LENGTH = 3;
    static final long HEADLINE_WEIGHT = 3;

    /** How many articles contain a word; may be a cached, slightly older count. */
    interface DocFreq {
        int of(IndexReader reader, Term term) throws IOException;
    }

    private record Candidate(String field, BytesRef word, long frequency, double weight) {}

    private RelatedQuery() {}

    /**
     * The query, or null when the article has no distinctive word (or no term vectors). {@code fields}
     * are the headline field, then the body field.
     */
    static Query of(IndexReader reader, int doc, List<String> fields, DocFreq docFreqs) throws IOException {
        Fields vectors = reader.termVectors().get(doc);
        if (vectors == null) return null;
        List<Candidate> candidates = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            String field = fields.get(f);
            // The first field is the headline: a word there counts as much as a word said three times.
            long weight = f == 0 && fields.size() > 1 ? HEADLINE_WEIGHT : 1;
            Terms terms = vectors.terms(field);
            if (terms == null) continue;
            TermsEnum words = terms.iterator();
            for (BytesRef word = words.next(); word != null; word = words.next()) {
                if (word.length < MIN_WORD_LENGTH) continue;
                candidates.add(new Candidate(field, BytesRef.deepCopyOf(word), weight * words.totalTermFreq(), 0));
            }
        }
        candidates.sort(Comparator.comparingLong(Candidate::frequency).reversed());
        int documents = reader.numDocs();
        long maxDocs = Math.max(2, (long) (documents * MAX_DOC_SHARE));
        List<Candidate> weighed = new ArrayList<>();
        for (Candidate c : candidates.subList(0, Math.min(CANDIDATES, candidates.size()))) {
            int docFreq = docFreqs.of(reader, new Term(c.field(), c.word()));
            // A word only this article has finds nothing; one most articles have finds everything.
            if (docFreq < 2 || docFreq > maxDocs) continue;
            double idf = Math.log(1 + (documents - docFreq + 0.5) / (docFreq + 0.5));
            weighed.add(new Candidate(c.field(), c.word(), c.frequency(), c.frequency() * idf));
        }
        if (weighed.isEmpty()) return null;
        weighed.sort(Comparator.comparingDouble(Candidate::weight).reversed());
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (Candidate c : weighed.subList(0, Math.min(TERMS, weighed.size()))) {
            query.add(new TermQuery(new Term(c.field(), c.word())), Occur.SHOULD);
        }
        return query.build();
    }
}
