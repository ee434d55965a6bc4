package org.wargeys.article;

import java.util.List;

/**
 * What a writer submits when creating or editing an article; keys name sections, tags and authors.
 *
 * @param slug the URL name, or null to derive it from the headline
 */
public record ArticleDraft(
        String language,
        String slug,
        String headline,
        Dateline dateline,
        String standfirst,
        BodyFormat bodyFormat,
        String body,
        String sectionKey,
        List<String> tagKeys,
        List<String> authorKeys) {

    public ArticleDraft {
        headline = headline == null ? "" : headline;
        dateline = dateline == null ? Dateline.NONE : dateline;
        bodyFormat = bodyFormat == null ? BodyFormat.MARKDOWN : bodyFormat;
        tagKeys = tagKeys == null ? List.of() : List.copyOf(tagKeys);
        authorKeys = authorKeys == null ? List.of() : List.copyOf(authorKeys);
    }
}
