package org.wargeys.article;

import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The public URL path of an article: {@code /LANG/YYYY/MM/SLUG}, the year and month of first
 * publication in the site's time zone (see docs/decisions/0003). Thread-safe.
 */
public final class ArticlePaths {

    private final ZoneId zone;

    public ArticlePaths(ZoneId zone) {
        this.zone = zone;
    }

    public String path(Article article) {
        var when = article.publishedAt() != null ? article.publishedAt() : article.createdAt();
        ZonedDateTime local = when.atZone(zone);
        return "/" + article.language() + "/" + local.getYear() + "/" + String.format("%02d", local.getMonthValue())
                + "/" + article.slug();
    }
}
