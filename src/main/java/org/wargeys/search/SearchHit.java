package org.wargeys.search;

import java.time.Instant;

/**
 * One found article. {@code snippetHtml} is escaped text with the matched words in {@code <mark>};
 * it is safe to print as HTML. Immutable.
 */
public record SearchHit(
        long articleId, String headline, String path, String snippetHtml, String sectionName, Instant publishedAt) {}
