package org.wargeys.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.wargeys.media.MediaService;
import org.wargeys.platform.ValidationException;

/**
 * What an edit refers to, resolved on the save's transaction: the section, tags and bylines named by
 * their keys, the featured image, and the article's slug (the one asked for, or one made from the
 * headline and kept unique in its language). Thread-safe.
 */
final class ArticleReferences {

    /** The section, tag and byline ids an edit names. */
    record Resolved(Long sectionId, List<Long> tagIds, List<Long> authorIds) {}

    private final ArticleRepository articles;
    private final TaxonomyRepository taxonomy;
    private final MediaService media;

    ArticleReferences(ArticleRepository articles, TaxonomyRepository taxonomy, MediaService media) {
        this.articles = articles;
        this.taxonomy = taxonomy;
        this.media = media;
    }

    /**
     * Resolves the keys the edit names, adds what is unknown to the rule-breaking found before, and
     * reports it all at once: a writer sees every field at fault in one answer.
     */
    Resolved resolve(Handle h, ArticleEdit edit, ValidationException.Collector errors) {
        ArticleDraft draft = edit.draft();
        Long sectionId = null;
        if (draft.sectionKey() != null && !draft.sectionKey().isBlank()) {
            sectionId = taxonomy.idOf(h, TaxonomyRepository.Kind.SECTION, draft.sectionKey())
                    .orElse(null);
            if (sectionId == null) {
                errors.add("section", "article.error.section_unknown", Map.of("section", draft.sectionKey()));
            }
        }
        List<Long> tags =
                termIds(h, TaxonomyRepository.Kind.TAG, draft.tagKeys(), "tags", "article.error.tags_unknown", errors);
        List<Long> authors = termIds(
                h,
                TaxonomyRepository.Kind.AUTHOR,
                draft.authorKeys(),
                "authors",
                "article.error.authors_unknown",
                errors);
        if (edit.featuredImageId() != null && !media.exists(h, edit.featuredImageId())) {
            errors.add("featured_image", "article.error.image_unknown", Map.of("image", edit.featuredImageId()));
        }
        errors.throwIfAny();
        return new Resolved(sectionId, tags, authors);
    }

    private List<Long> termIds(
            Handle h,
            TaxonomyRepository.Kind kind,
            List<String> keys,
            String field,
            String messageKey,
            ValidationException.Collector errors) {
        List<Long> ids = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String key : keys) {
            taxonomy.idOf(h, kind, key).ifPresentOrElse(ids::add, () -> unknown.add(key));
        }
        if (!unknown.isEmpty()) {
            errors.add(field, messageKey, Map.of("keys", String.join(", ", unknown)));
        }
        return ids;
    }

    /** The slug asked for (refused if taken), or one made from the headline with a number if needed. */
    String slug(Handle h, ArticleDraft draft, Long articleId) {
        boolean given = draft.slug() != null && !draft.slug().isBlank();
        String base = given ? Slug.normalize(draft.slug()) : Slug.of(draft.headline(), 8);

        if (base.isEmpty()) base = "article";
        if (!articles.slugTaken(h, draft.language(), base, articleId)) return base;
        if (given) {
            throw ValidationException.of(
                    "slug", "article.error.slug_taken", Map.of("slug", base, "language", draft.language()));
        }
        for (int n = 2; ; n++) {
            String candidate = base + "-" + n;
            if (!articles.slugTaken(h, draft.language(), candidate, articleId)) return candidate;
        }
    }
}
