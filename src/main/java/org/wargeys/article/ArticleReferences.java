package org.wargeys.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.wargeys.media.MediaService;
import org.wargeys.platform.ValidationException;

/**
 * What an edit refers to, resolved on the save's transaction: the section, tags and bylines named by
 * their keys or names (new ones added as the staff member may), the featured image, and the article's slug (the one asked for, or one made from the
 * headline and kept unique in its language). Thread-safe.
 */
final class ArticleReferences {

    /**
     * The section, tag and byline ids an edit names; the tag names proposed to the editors; the tags and
     * bylines this save created (for the audit log).
     */
    record Resolved(
            Long sectionId, List<Long> tagIds, List<Long> authorIds, List<String> proposedTags, List<String> created) {}

    private final ArticleRepository articles;
    private final TaxonomyRepository taxonomy;
    private final MediaService media;
    private final java.util.function.LongFunction<java.util.Optional<org.wargeys.account.User>> users;

    ArticleReferences(
            ArticleRepository articles,
            TaxonomyRepository taxonomy,
            MediaService media,
            java.util.function.LongFunction<java.util.Optional<org.wargeys.account.User>> users) {
        this.articles = articles;
        this.taxonomy = taxonomy;
        this.media = media;
        this.users = users;
    }

    /** With no new terms allowed: every tag and byline must exist (imports, restores, the terminal). */
    Resolved resolve(Handle h, ArticleEdit edit, ValidationException.Collector errors) {
        return resolve(h, edit, errors, NewTerms.of(java.util.Optional.empty()));
    }

    /**
     * Resolves the tags and bylines the edit names (each a key, or a name in the article's language),
     * adds what the staff member may add (new tags or proposals, their own byline, guest bylines), adds
     * what is unknown to the rule-breaking found before, and reports it all at once: a writer sees every
     * field at fault in one answer.
     */
    Resolved resolve(Handle h, ArticleEdit edit, ValidationException.Collector errors, NewTerms may) {
        ArticleDraft draft = edit.draft();
        Long sectionId = null;
        if (draft.sectionKey() != null && !draft.sectionKey().isBlank()) {
            sectionId = taxonomy.idOf(h, TaxonomyRepository.Kind.SECTION, draft.sectionKey())
                    .orElse(null);
            if (sectionId == null) {
                errors.add("section", "article.error.section_unknown", Map.of("section", draft.sectionKey()));
            }
        }
        List<String> created = new ArrayList<>();
        List<Long> tags = new ArrayList<>();
        List<String> proposed = new ArrayList<>();
        List<String> unknownTags = new ArrayList<>();
        for (String entry : draft.tagKeys()) {
            var id = taxonomy.idOf(h, TaxonomyRepository.Kind.TAG, entry)
                    .or(() -> taxonomy.idByName(h, TaxonomyRepository.Kind.TAG, draft.language(), entry));
            if (id.isPresent()) {
                if (!tags.contains(id.get())) tags.add(id.get());
            } else if (entry.length() > MAX_NAME) {
                errors.add("tags", "article.error.tag_too_long", Map.of("max", MAX_NAME));
            } else {
                switch (may.tags()) {
                    case CREATE -> {
                        String key = taxonomy.freeKey(h, TaxonomyRepository.Kind.TAG, Slug.of(entry, 8));
                        tags.add(taxonomy.insertTag(h, key, draft.language(), entry));
                        created.add("tag:" + key);
                    }
                    case PROPOSE -> {
                        if (!proposed.contains(entry)) proposed.add(entry);
                    }
                    case REFUSE -> unknownTags.add(entry);
                }
            }
        }
        if (!unknownTags.isEmpty()) {
            errors.add("tags", "article.error.tags_unknown", Map.of("keys", String.join(", ", unknownTags)));
        }
        List<Long> authors = new ArrayList<>();
        List<String> unknownAuthors = new ArrayList<>();
        for (String entry : draft.authorKeys()) {
            Long id = author(h, draft.language(), entry, may, created);
            if (id == null) unknownAuthors.add(entry);
            else if (!authors.contains(id)) authors.add(id);
        }
        if (!unknownAuthors.isEmpty()) {
            errors.add("authors", "article.error.authors_unknown", Map.of("keys", String.join(", ", unknownAuthors)));
        }
        if (edit.featuredImageId() != null && !media.exists(h, edit.featuredImageId())) {
            errors.add("featured_image", "article.error.image_unknown", Map.of("image", edit.featuredImageId()));
        }
        errors.throwIfAny();
        return new Resolved(sectionId, tags, authors, proposed, created);
    }

    static final int MAX_NAME = 200;

    /**
     * A byline entry: an author's key; {@code user:ID}, a staff member (their byline is made the first
     * time); an author's name; the saving staff member's own name; else a guest, if they may add one.
     */
    private Long author(Handle h, String language, String entry, NewTerms may, List<String> created) {
        var byKey = taxonomy.idOf(h, TaxonomyRepository.Kind.AUTHOR, entry);
        if (byKey.isPresent()) return byKey.get();
        if (entry.matches("user:\\d{1,18}")) {
            long userId = Long.parseLong(entry.substring(5));
            var existing = taxonomy.authorOfUser(h, userId);
            if (existing.isPresent()) return existing.get();
            return may.user()
                    .filter(u -> u.id() == userId || Permissions.isEditor(u))
                    .flatMap(u -> u.id() == userId ? java.util.Optional.of(u) : users.apply(userId))
                    .filter(org.wargeys.account.User::active)
                    .map(u -> staffByline(h, u, created))
                    .orElse(null);
        }
        var byName = taxonomy.idByName(h, TaxonomyRepository.Kind.AUTHOR, language, entry);
        if (byName.isPresent()) return byName.get();
        if (may.user().isPresent() && may.user().get().displayName().equalsIgnoreCase(entry.strip())) {
            var own = taxonomy.authorOfUser(h, may.user().get().id());
            return own.orElseGet(() -> staffByline(h, may.user().get(), created));
        }
        if (!may.guests() || entry.length() > MAX_NAME) return null;
        String key = taxonomy.freeKey(h, TaxonomyRepository.Kind.AUTHOR, Slug.of(entry, 8));
        created.add("author:" + key);
        return taxonomy.insertAuthor(h, key, entry.strip(), null, true);
    }

    private long staffByline(Handle h, org.wargeys.account.User user, List<String> created) {
        String key = taxonomy.freeKey(h, TaxonomyRepository.Kind.AUTHOR, Slug.of(user.displayName(), 8));
        created.add("author:" + key);
        return taxonomy.insertAuthor(h, key, user.displayName(), user.id(), false);
    }

    /** The slug asked for (refused if taken), or one made from the headline with a number if needed. */
    String slug(Handle h, ArticleDraft draft, Long articleId) {
        boolean given = draft.slug() != null && !draft.slug().isBlank();
        String base = given ? Slug.normalize(draft.slug()) : Slug.of(draft.headline(), 8);

        // An untitled draft (the editor saves from the first keystroke): a name of its own until it has a
        // headline to be named after.
        if (base.isEmpty())
            base = "draft-"
                    + Long.toString(
                            java.util.concurrent.ThreadLocalRandom.current()
                                    .nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36),
                            36);
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
