package org.wargeys.article;

import org.jdbi.v3.core.Jdbi;
import org.wargeys.platform.ValidationException;

/** The search-engine title and description of an article, set apart from its content. Thread-safe. */
public final class ArticleSeo {

    static final int MAX_TITLE = 120;
    static final int MAX_DESCRIPTION = 320;

    private final Jdbi jdbi;

    public ArticleSeo(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Blank values clear the field (the headline and standfirst stand in). */
    public void set(long articleId, String title, String description) {
        check(title, description);
        String t = blankToNull(title);
        String d = blankToNull(description);
        jdbi.useHandle(h -> h.createUpdate("UPDATE articles SET seo_title = :t, seo_description = :d WHERE id = :id")
                .bind("t", t)
                .bind("d", d)
                .bind("id", articleId)
                .execute());
    }

    /** @throws ValidationException when a value is too long (call before saving anything else) */
    public static void check(String title, String description) {
        String t = blankToNull(title);
        String d = blankToNull(description);
        if (t != null && t.length() > MAX_TITLE)
            throw ValidationException.of("seo_title", "An SEO title has at most " + MAX_TITLE + " characters.");
        if (d != null && d.length() > MAX_DESCRIPTION) {
            throw ValidationException.of(
                    "seo_description", "An SEO description has at most " + MAX_DESCRIPTION + " characters.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
