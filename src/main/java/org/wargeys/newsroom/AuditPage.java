package org.wargeys.newsroom;

import java.util.List;

/**
 * The model of {@code newsroom/audit.jte}: the filter as given and its choices, a page of worded lines
 * and the links to the newer and older pages (null at either end).
 */
public record AuditPage(
        NewsroomLayout layout,
        Filter filter,
        List<Choice> people,
        List<String> kinds,
        List<AuditSentences.Line> lines,
        String newerHref,
        String olderHref,
        String timezone) {

    /** The filter as the form shows it (empty strings for "any"). */
    public record Filter(String who, String kind, String from, String to) {}

    /** An option of a select: its value and what it shows. */
    public record Choice(String value, String label) {}
}
