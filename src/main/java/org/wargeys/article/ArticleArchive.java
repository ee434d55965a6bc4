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

    /**
     * Where a page of a newest-first list starts: after the newest article ({@link #FIRST}), just older
     * than an article ({@code before}), or just newer than one ({@code after}).
     */
    public record Position(Cursor cursor, boolean older) {
        public static final Position FIRST = new Position(null, true);

        public static Position before(Cursor cursor) {
            return new Position(cursor, true);
        }

        public static Position after(Cursor cursor) {
            return new Position(cursor, false);
        }

        public boolean isFirst() {
            return cursor == null;
        }
    }

    /** One page of a newest-first list, and whether there are newer and older articles beyond it. */
    public record Slice<T>(List<T> items, boolean newer, boolean older) {
        public Slice {
            items = List.copyOf(items);
        }
    }

    /** Which published articles of one language a list holds: a section's, a tag's, an author's, a period's. */
    public static final class Listing {
        private final String fromWhere;
        private final java.util.function.UnaryOperator<Query> binds;
        private final String language;

        private Listing(String fromWhere, java.util.function.UnaryOperator<Query> binds, String language) {
            this.fromWhere = fromWhere;
            this.binds = binds;
            this.language = language;
        }

        private Query bind(Query q) {
            return binds.apply(q).bind("lang", language);
        }
    }

    private static final String PUBLISHED = " a.language = :lang AND a.status = 'published' ";
    private static final String NEWEST_FIRST = " ORDER BY a.published_at DESC, a.id DESC";
    private static final String OLDEST_FIRST = " ORDER BY a.published_at, a.id";
    // Row values, not "published_at < :at OR (published_at = :at AND id < :id)": SQLite cannot bound an
    // index range by that OR when the values are parameters, and walked the list from its top to the
    // cursor (page 5,000 of a million articles: 42 ms against 1.4 ms for page 1).
    private static final String OLDER = " AND (a.published_at, a.id) < (:at, :id)";
    private static final String NEWER = " AND (a.published_at, a.id) > (:at, :id)";

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

    public Listing inSection(long sectionId, String language) {
        return new Listing(
                "FROM articles a WHERE a.section_id = :term AND" + PUBLISHED, q -> q.bind("term", sectionId), language);
    }

    public Listing tagged(long tagId, String language) {
        return new Listing(
                "FROM articles a JOIN article_tags l ON l.article_id = a.id WHERE l.tag_id = :term AND" + PUBLISHED,
                q -> q.bind("term", tagId),
                language);
    }

    public Listing byAuthor(long authorId, String language) {
        return new Listing(
                "FROM articles a JOIN article_authors l ON l.article_id = a.id WHERE l.author_id = :term AND"
                        + PUBLISHED,
                q -> q.bind("term", authorId),
                language);
    }

    /** Published in {@code [from, until)}. */
    public Listing publishedBetween(Instant from, Instant until, String language) {
        return new Listing(
                "FROM articles a WHERE a.published_at >= :from AND a.published_at < :until AND" + PUBLISHED,
                q -> q.bind("from", from.toEpochMilli()).bind("until", until.toEpochMilli()),
                language);
    }

    /**
     * A page of the list, newest first, read by keyset from its position: {@code limit + 1} rows from
     * the index (the one more says whether the list goes on), whatever the depth; no OFFSET, no count.
     */
    public Slice<Article> page(Listing list, Position at, int limit) {
        return jdbi.withHandle(h -> {
            String where = at.isFirst() ? "" : at.older() ? OLDER : NEWER;
            Query q = list.bind(h.createQuery("SELECT " + ArticleRepository.COLUMNS + " " + list.fromWhere + where
                            + (at.older() ? NEWEST_FIRST : OLDEST_FIRST) + " LIMIT :limit"))
                    .bind("limit", limit + 1);
            if (!at.isFirst())
                q.bind("at", at.cursor().publishedAt().toEpochMilli())
                        .bind("id", at.cursor().id());
            List<Article> rows =
                    new java.util.ArrayList<>(q.map(ArticleRepository::map).list());
            boolean more = rows.size() > limit;
            if (more) rows.remove(rows.size() - 1);
            if (!at.older()) java.util.Collections.reverse(rows);
            if (rows.isEmpty()) return new Slice<Article>(rows, false, false);
            // The other side of the page: beyond the cursor there is at least the article it names,
            // unless that one was unpublished meanwhile; asked of the index, one row.
            boolean newer = at.older() ? !at.isFirst() && exists(h, list, NEWER, Cursor.of(rows.get(0))) : more;
            boolean older = at.older() ? more : exists(h, list, OLDER, Cursor.of(rows.get(rows.size() - 1)));
            return new Slice<>(rows, newer, older);
        });
    }

    /** True if the list has any article at all. */
    public boolean lists(Listing list) {
        return jdbi.withHandle(h -> list.bind(h.createQuery("SELECT 1 " + list.fromWhere + " LIMIT 1"))
                .mapTo(Integer.class)
                .findOne()
                .isPresent());
    }

    /**
     * The cursor of the article at {@code offset} in the list, newest first (the last article of the
     * old {@code ?page=N} before the one asked): an OFFSET read, for old addresses only, with a bound.
     */
    public Optional<Cursor> cursorAt(Listing list, int offset) {
        return jdbi.withHandle(h -> list.bind(h.createQuery(
                        "SELECT a.published_at, a.id " + list.fromWhere + NEWEST_FIRST + " LIMIT 1 OFFSET :offset"))
                .bind("offset", offset)
                .map((rs, ctx) -> new Cursor(Instant.ofEpochMilli(rs.getLong(1)), rs.getLong(2)))
                .findOne());
    }

    private static boolean exists(Handle h, Listing list, String side, Cursor cursor) {
        return list.bind(h.createQuery("SELECT 1 " + list.fromWhere + side + " LIMIT 1"))
                .bind("at", cursor.publishedAt().toEpochMilli())
                .bind("id", cursor.id())
                .mapTo(Integer.class)
                .findOne()
                .isPresent();
    }

    /** Every published article in any language published at or after {@code since}, newest first, without its texts. */
    public List<Article> publishedSince(Instant since, int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + ArticleRepository.HEAD_COLUMNS
                                + " FROM articles a WHERE a.status = 'published' AND a.published_at >= :since ORDER BY a.published_at DESC, a.id DESC LIMIT :limit")
                .bind("since", since.toEpochMilli())
                .bind("limit", limit)
                .map(ArticleRepository::map)
                .list());
    }

    /** A language's published articles, oldest first, from {@code first} on, without their texts (a sitemap slice). */
    public List<Article> publishedFrom(String language, Cursor first, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ArticleRepository.HEAD_COLUMNS + " FROM articles a WHERE"
                        + PUBLISHED + " AND (a.published_at, a.id) >= (:at, :id)"
                        + OLDEST_FIRST + " LIMIT :limit")
                .bind("lang", language)
                .bind("at", first.publishedAt().toEpochMilli())
                .bind("id", first.id())
                .bind("limit", limit)
                .map(ArticleRepository::map)
                .list());
    }

    /**
     * The article at {@code offset} of a language's published articles, oldest first: where a sitemap
     * slice starts, read from the index alone.
     */
    public Optional<Cursor> publishedAt(String language, int offset) {
        return jdbi.withHandle(h -> h.createQuery("SELECT a.published_at, a.id FROM articles a WHERE" + PUBLISHED
                        + OLDEST_FIRST + " LIMIT 1 OFFSET :offset")
                .bind("lang", language)
                .bind("offset", offset)
                .map((rs, ctx) -> new Cursor(Instant.ofEpochMilli(rs.getLong(1)), rs.getLong(2)))
                .findOne());
    }

    /**
     * The latest publish or edit within each slice of {@code size} of a language's published
     * articles, oldest first, slice by slice: one query (a window over one ordered read), however many
     * slices (sitemaps; issue 20: one OFFSET query per slice was quadratic).
     */
    public List<Instant> sliceChanges(String language, int size) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT s.slice, MAX(s.changed) FROM (
                            SELECT CASE WHEN a.updated_at > a.published_at THEN a.updated_at ELSE a.published_at END AS changed,
                                (ROW_NUMBER() OVER (ORDER BY a.published_at, a.id) - 1) / :size AS slice
                            FROM articles a WHERE a.language = :lang AND a.status = 'published') s
                        GROUP BY s.slice ORDER BY s.slice""")
                .bind("lang", language)
                .bind("size", size)
                .map((rs, ctx) -> Instant.ofEpochMilli(rs.getLong(2)))
                .list());
    }

    /** The latest publish or edit among a language's published articles; empty when none is published. */
    public Optional<Instant> lastModified(String language) {
        return jdbi.withHandle(h -> h.createQuery(
                                "SELECT MAX(CASE WHEN a.updated_at > a.published_at THEN a.updated_at ELSE a.published_at END)"
                                        + " FROM articles a WHERE" + PUBLISHED)
                        .bind("lang", language)
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

    /**
     * The published articles of each translation group among {@code groupIds}, by group, without their
     * texts (for hreflang alternates).
     */
    public Map<Long, List<Article>> publishedGroups(List<Long> groupIds) {
        Map<Long, List<Article>> groups = new LinkedHashMap<>();
        if (groupIds.isEmpty()) return groups;
        jdbi.useHandle(h -> h.createQuery(
                        "SELECT " + ArticleRepository.HEAD_COLUMNS
                                + " FROM articles a WHERE a.status = 'published' AND a.translation_group_id IN (<groups>) ORDER BY a.id")
                .bindList("groups", groupIds)
                .map(ArticleRepository::map)
                .forEach(a -> groups.computeIfAbsent(a.translationGroupId(), g -> new java.util.ArrayList<>())
                        .add(a)));
        return groups;
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
