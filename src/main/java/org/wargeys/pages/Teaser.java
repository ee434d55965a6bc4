package org.wargeys.pages;

import java.time.Instant;

/** An article as listed on a home or archive page; {@code live} while its live coverage runs. Immutable. */
public record Teaser(
        String headline,
        String path,
        String summary,
        Instant publishedAt,
        String publishedText,
        String section,
        boolean live) {

    static Teaser of(
            org.wargeys.article.Article article,
            String path,
            org.wargeys.article.Section section,
            boolean live,
            org.wargeys.web.Messages msg) {
        return new Teaser(
                article.headline(),
                path,
                Summaries.of(article),
                article.publishedAt(),
                msg.date(article.publishedAt()),
                section == null ? null : section.name(),
                live);
    }
}
