package org.wargeys.article;

import java.time.Instant;

/** An article's content as one save left it. Immutable. */
public record Revision(
        long articleId,
        int number,
        String headline,
        Dateline dateline,
        String standfirst,
        BodyFormat bodyFormat,
        String body,
        Instant savedAt,
        String savedBy) {

    /** The revision as one text, the unit the newsroom diffs. */
    public String asText() {
        StringBuilder text = new StringBuilder(headline).append("\n\n");
        if (!dateline.isEmpty()) text.append(dateline.printed()).append("\n\n");
        if (standfirst != null && !standfirst.isBlank()) text.append(standfirst).append("\n\n");
        return text.append(body).toString();
    }
}
