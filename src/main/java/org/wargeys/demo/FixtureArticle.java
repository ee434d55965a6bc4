package org.wargeys.demo;

import java.util.List;
import org.wargeys.article.Dateline;

/** An article as read from a plain-text copy of a published page: headline, dateline, paragraphs. */
record FixtureArticle(String headline, Dateline dateline, List<String> paragraphs) {
    FixtureArticle {
        paragraphs = List.copyOf(paragraphs);
    }
}
