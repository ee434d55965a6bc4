package org.wargeys.article;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Published articles grouped the ways readers browse them: by section, tag, author and month, newest
 * first, a page at a time; and the sections, tags and authors themselves, found by their slug in a
 * language. Reads only. Thread-safe.
 */
public final class ArticleArchive {

    /** One page of a longer list, with the length of the whole list. */
    public record Page<T>(List<T> items, int total) {
        public Page {
            items = List.copyOf(items);
        }
    }

    private static final String PUBLISHED = " a.language = :lang AND a.status = 'published' ";
    private static final String NEWEST_FIRST = " ORDER BY a.published_at DESC, a.id DESC LIMIT :limit OFFSET :offset";

    private final Jdbi jdbi;

    ArticleArchive(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Section> sections(String language) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT t.id, t.key, COALESCE(n.name, t.key) AS name, COALESCE(n.slug, t.key) AS slug
                        FROM sections t LEFT JOIN section_names n ON n.section_id = t.id AND n.language = :lang
                        ORDER BY t.position, name""")
                .bind("lang", language)
                .map((rs, ctx) ->
                        new Section(rs.getLong(1), rs.getString(2), language, rs.getString(3), rs.getString(4)))
                .list());
    }

    public Optional<Section> section(String language, String slug) {
        return term(TaxonomyRepository.Kind.SECTION, language, slug)
                .map(t -> new Section(t.id(), t.key(), language, t.name(), t.slug()));
    }

    public Optional<Tag> tag(String language, String slug) {
        return term(TaxonomyRepository.Kind.TAG, language, slug)
                .map(t -> new Tag(t.id(), t.key(), language, t.name(), t.slug()));
    }

    public Optional<Author> author(String language, String slug) {
        return term(TaxonomyRepository.Kind.AUTHOR, language, slug)
                .map(t -> new Author(t.id(), t.key(), language, t.name(), t.slug()));
    }

    /** The slug of a section in each language it is named in, by language code. */
    public Map<String, String> sectionSlugs(long id) {
        return slugs(TaxonomyRepository.Kind.SECTION, id);
    }

    public Map<String, String> tagSlugs(long id) {
        return slugs(TaxonomyRepository.Kind.TAG, id);
    }

    public Map<String, String> authorSlugs(long id) {
        return slugs(TaxonomyRepository.Kind.AUTHOR, id);
    }

    public Page<Article> inSection(long sectionId, String language, int limit, int offset) {
        return page(
                "FROM articles a WHERE a.section_id = :term AND" + PUBLISHED,
                q -> q.bind("term", sectionId),
                language,
                limit,
                offset);
    }

    public Page<Article> tagged(long tagId, String language, int limit, int offset) {
        return page(
                "FROM articles a JOIN article_tags l ON l.article_id = a.id WHERE l.tag_id = :term AND" + PUBLISHED,
                q -> q.bind("term", tagId),
                language,
                limit,
                offset);
    }

    public Page<Article> byAuthor(long authorId, String language, int limit, int offset) {
        return page(
                "FROM articles a JOIN article_authors l ON l.article_id = a.id WHERE l.author_id = :term AND"
                        + PUBLISHED,
                q -> q.bind("term", authorId),
                language,
                limit,
                offset);
    }

    /** Published in {@code [from, until)}. */
    public Page<Article> publishedBetween(Instant from, Instant until, String language, int limit, int offset) {
        return page(
                "FROM articles a WHERE a.published_at >= :from AND a.published_at < :until AND" + PUBLISHED,
                q -> q.bind("from", from.toEpochMilli()).bind("until", until.toEpochMilli()),
                language,
                limit,
                offset);
    }

    /** Every published article in any language published at or after {@code since}, newest first. */
    public List<Article> publishedSince(Instant since, int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + ArticleRepository.COLUMNS
                                + " FROM articles a WHERE a.status = 'published' AND a.published_at >= :since ORDER BY a.published_at DESC, a.id DESC LIMIT :limit")
                .bind("since", since.toEpochMilli())
                .bind("limit", limit)
                .map(ArticleRepository::map)
                .list());
    }

    /** Published articles of a language, oldest first, a slice at a time (for sitemaps). */
    public List<Article> published(String language, int limit, int offset) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ArticleRepository.COLUMNS + " FROM articles a WHERE"
                        + PUBLISHED + " ORDER BY a.published_at, a.id LIMIT :limit OFFSET :offset")
                .bind("lang", language)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(ArticleRepository::map)
                .list());
    }

    /** The latest publish or edit among a slice of {@link #published}; empty for an empty slice. */
    public Optional<Instant> lastModified(String language, int limit, int offset) {
        return jdbi.withHandle(h -> h.createQuery(
                                "SELECT MAX(CASE WHEN s.updated_at > s.published_at THEN s.updated_at ELSE s.published_at END)"
                                        + " FROM (SELECT a.published_at, a.updated_at FROM articles a WHERE" + PUBLISHED
                                        + " ORDER BY a.published_at, a.id LIMIT :limit OFFSET :offset) s")
                        .bind("lang", language)
                        .bind("limit", limit)
                        .bind("offset", offset)
                        .mapTo(Long.class)
                        .findOne())
                .map(Instant::ofEpochMilli);
    }

    public int countPublished(String language) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM articles a WHERE" + PUBLISHED)
                .bind("lang", language)
                .mapTo(Integer.class)
                .one());
    }

    /** The published articles of each translation group among {@code groupIds}, by group (for hreflang alternates). */
    public Map<Long, List<Article>> publishedGroups(List<Long> groupIds) {
        Map<Long, List<Article>> groups = new LinkedHashMap<>();
        if (groupIds.isEmpty()) return groups;
        jdbi.useHandle(h -> h.createQuery(
                        "SELECT " + ArticleRepository.COLUMNS
                                + " FROM articles a WHERE a.status = 'published' AND a.translation_group_id IN (<groups>) ORDER BY a.id")
                .bindList("groups", groupIds)
                .map(ArticleRepository::map)
                .forEach(a -> groups.computeIfAbsent(a.translationGroupId(), g -> new java.util.ArrayList<>())
                        .add(a)));
        return groups;
    }

    private Page<Article> page(
            String fromWhere, java.util.function.UnaryOperator<Query> binds, String language, int limit, int offset) {
        return jdbi.withHandle(h -> {
            int total = binds.apply(h.createQuery("SELECT COUNT(*) " + fromWhere))
                    .bind("lang", language)
                    .mapTo(Integer.class)
                    .one();
            List<Article> items = binds.apply(
                            h.createQuery("SELECT " + ArticleRepository.COLUMNS + " " + fromWhere + NEWEST_FIRST))
                    .bind("lang", language)
                    .bind("limit", limit)
                    .bind("offset", offset)
                    .map(ArticleRepository::map)
                    .list();
            return new Page<>(items, total);
        });
    }

    private Optional<TaxonomyRepository.Term> term(TaxonomyRepository.Kind kind, String language, String slug) {
        String fallback = kind == TaxonomyRepository.Kind.AUTHOR ? "t.name" : "t.key";
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT t.id, t.key, COALESCE(n.name, " + fallback + "), COALESCE(n.slug, t.key) FROM "
                                + kind.table + " t LEFT JOIN " + kind.names + " n ON n." + kind.foreignKey
                                + " = t.id AND n.language = :lang"
                                + " WHERE n.slug = :slug OR (n.slug IS NULL AND t.key = :slug)")
                .bind("lang", language)
                .bind("slug", slug)
                .map((rs, ctx) -> new TaxonomyRepository.Term(
                        rs.getLong(1), rs.getString(2), language, rs.getString(3), rs.getString(4)))
                .findFirst());
    }

    private Map<String, String> slugs(TaxonomyRepository.Kind kind, long id) {
        return jdbi.withHandle((Handle h) -> {
            Map<String, String> slugs = new LinkedHashMap<>();
            h.createQuery("SELECT language, slug FROM " + kind.names + " WHERE " + kind.foreignKey
                            + " = :id ORDER BY language")
                    .bind("id", id)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> slugs.put(e.getKey(), e.getValue()));
            return slugs;
        });
    }
}
