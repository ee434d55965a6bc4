package org.wargeys.article;

import java.util.Map;
import org.wargeys.platform.Site;
import org.wargeys.platform.ValidationException;

/**
 * What a saved article must respect, checked before anything is written; every field at fault is
 * reported at once, as message keys the newsroom words in the staff member's language. Stateless.
 */
final class ArticleRules {

    static final int MAX_HEADLINE = 300;
    static final int MAX_STANDFIRST = 1_000;
    static final int MAX_BODY = 1_000_000;
    static final int MAX_SEO_TITLE = 120;
    static final int MAX_SEO_DESCRIPTION = 320;

    private ArticleRules() {}

    static void check(ArticleEdit edit, Site site) {
        problems(edit, site).throwIfAny();
    }

    /** Every rule the edit breaks, not thrown yet (the caller adds what only the database can tell). */
    static ValidationException.Collector problems(ArticleEdit edit, Site site) {
        ValidationException.Collector errors = ValidationException.collector();
        check(edit.draft(), site, errors);
        String title = edit.seoTitleOrNull();
        String description = edit.seoDescriptionOrNull();
        if (title != null && title.length() > MAX_SEO_TITLE) {
            errors.add("seo_title", "article.error.seo_title_too_long", Map.of("max", MAX_SEO_TITLE));
        }
        if (description != null && description.length() > MAX_SEO_DESCRIPTION) {
            errors.add("seo_description", "article.error.seo_description_too_long", Map.of("max", MAX_SEO_DESCRIPTION));
        }
        return errors;
    }

    /** An article past the draft stage (in review, scheduled, live) has a headline. */
    static void requireHeadline(ArticleDraft draft, ValidationException.Collector errors) {
        if (draft.headline() == null || draft.headline().isBlank()) {
            errors.add("headline", "article.error.headline_required");
        }
    }

    private static void check(ArticleDraft draft, Site site, ValidationException.Collector errors) {
        if (draft.language() == null || !site.publishesIn(draft.language())) {
            errors.add(
                    "language", "article.error.language_unknown", Map.of("language", String.valueOf(draft.language())));
        }
        // A draft may be untitled (the editor keeps it from the first keystroke); see requireHeadline.
        if (draft.headline() != null && draft.headline().length() > MAX_HEADLINE) {
            errors.add("headline", "article.error.headline_too_long", Map.of("max", MAX_HEADLINE));
        }
        if (draft.slug() != null && !draft.slug().isBlank()) {
            String slug = Slug.normalize(draft.slug());
            if (!Slug.isValid(slug)) {
                errors.add("slug", "article.error.slug_invalid", Map.of("max", Slug.MAX_LENGTH));
            } else if (Slug.mixesScripts(slug)) {
                errors.add("slug", "article.error.slug_mixed_scripts", Map.of("slug", slug));
            }
        }

        if (draft.standfirst() != null && draft.standfirst().length() > MAX_STANDFIRST) {
            errors.add("standfirst", "article.error.standfirst_too_long", Map.of("max", MAX_STANDFIRST));
        }
        if (draft.body() == null) {
            errors.add("body", "article.error.body_required");
        } else if (draft.body().length() > MAX_BODY) {
            errors.add("body", "article.error.body_too_long", Map.of("max", MAX_BODY));
        }
    }
}
