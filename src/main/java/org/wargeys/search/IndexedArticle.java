package org.wargeys.search;

import java.time.Instant;
import java.util.List;

/**
 * A published article as the search index holds it: plain text, its taxonomy keys and where it lives.
 * Immutable.
 *
 * @param sectionKey null when the article has no section
 * @param path the article's site path ({@code /LANG/YYYY/MM/SLUG})
 */
public record IndexedArticle(
        long id,
        long translationGroupId,
        String language,
        String headline,
        String standfirst,
        String bodyText,
        String sectionKey,
        String sectionName,
        List<String> tagKeys,
        String path,
        Instant publishedAt) {

    public IndexedArticle {
        tagKeys = List.copyOf(tagKeys);
        standfirst = standfirst == null ? "" : standfirst;
    }
}
