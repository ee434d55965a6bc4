package org.wargeys.pages;

import java.util.List;
import org.wargeys.article.Section;
import org.wargeys.search.SearchHit;
import org.wargeys.web.Layout;

/**
 * The model of {@code pages/search.jte}: the form as the reader filled it and one page of results.
 *
 * @param summary the sentence above the results ("3 articles found for …"), or null before a search
 * @param previousHref null on the first page
 * @param nextHref null on the last page
 */
public record SearchPage(
        Layout layout,
        String action,
        String q,
        String section,
        String from,
        String to,
        List<Section> sections,
        String summary,
        List<Result> results,
        String pageText,
        String previousHref,
        String nextHref,
        boolean rebuilding) {

    public SearchPage {
        sections = List.copyOf(sections);
        results = List.copyOf(results);
    }

    /** A found article; {@code snippetHtml} is escaped text with {@code <mark>} around matches. */
    public record Result(
            String headline,
            String path,
            String snippetHtml,
            String section,
            String publishedIso,
            String publishedText) {}

    static Result result(SearchHit hit, String publishedText) {
        return new Result(
                hit.headline(),
                hit.path(),
                hit.snippetHtml(),
                hit.sectionName(),
                hit.publishedAt().toString(),
                publishedText);
    }
}
