package org.wargeys.article;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Sections, tags and authors with their per-language names. The three share one shape (a stable
 * key plus a name and slug per language), so one repository serves them, parameterised by kind.
 */
final class TaxonomyRepository {

    /** The tables of one kind of taxonomy term. */
    enum Kind {
        SECTION("sections", "section_names", "section_id", "t.key"),
        TAG("tags", "tag_names", "tag_id", "t.key"),
        AUTHOR("authors", "author_names", "author_id", "t.name");

        final String table;
        final String names;
        final String foreignKey;
        /** The name shown in a language the term has no name in. */
        final String fallbackName;

        Kind(String table, String names, String foreignKey, String fallbackName) {
            this.table = table;
            this.names = names;
            this.foreignKey = foreignKey;
            this.fallbackName = fallbackName;
        }
    }

    /** A term as named in one language. */
    record Term(long id, String key, String language, String name, String slug) {}

    private final Jdbi jdbi;

    TaxonomyRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<Long> idOf(Handle h, Kind kind, String key) {
        return h.createQuery("SELECT id FROM " + kind.table + " WHERE key = :key")
                .bind("key", key)
                .mapTo(Long.class)
                .findOne();
    }

    /**
     * The term named so in the language, ignoring case; for authors their own name counts in every
     * language. The first by id when two share a name.
     */
    Optional<Long> idByName(Handle h, Kind kind, String language, String name) {
        String other = kind == Kind.AUTHOR ? " OR LOWER(t.name) = LOWER(:name)" : "";
        return h.createQuery("SELECT t.id FROM " + kind.table + " t LEFT JOIN " + kind.names + " n ON n."
                        + kind.foreignKey + " = t.id AND n.language = :lang WHERE LOWER(n.name) = LOWER(:name)"
                        + other + " ORDER BY t.id LIMIT 1")
                .bind("lang", language)
                .bind("name", name)
                .mapTo(Long.class)
                .findOne();
    }

    /** A key no term of the kind has yet: the base, or the base with a number. */
    String freeKey(Handle h, Kind kind, String base) {
        String start = base.isEmpty() ? kind.name().toLowerCase(java.util.Locale.ROOT) : base;
        if (idOf(h, kind, start).isEmpty()) return start;
        for (int n = 2; ; n++) {
            String candidate = start + "-" + n;
            if (idOf(h, kind, candidate).isEmpty()) return candidate;
        }
    }

    /** A tag named in one language, as a writer creates it from the editor. */
    long insertTag(Handle h, String key, String language, String name) {
        long id = insertTerm(h, Kind.TAG, key, name);
        insertName(h, Kind.TAG, id, language, name);
        return id;
    }

    /** A byline: a staff member's ({@code userId}) or a guest's. */
    long insertAuthor(Handle h, String key, String name, Long userId, boolean guest) {
        return h.createQuery(
                        "INSERT INTO authors (key, name, user_id, guest) VALUES (:key, :name, :user, :guest) RETURNING id")
                .bind("key", key)
                .bind("name", name)
                .bind("user", userId)
                .bind("guest", guest ? 1 : 0)
                .mapTo(Long.class)
                .one();
    }

    /** The byline of a staff member, if they have one. */
    Optional<Long> authorOfUser(Handle h, long userId) {
        return h.createQuery("SELECT id FROM authors WHERE user_id = :user ORDER BY id LIMIT 1")
                .bind("user", userId)
                .mapTo(Long.class)
                .findOne();
    }

    private void insertName(Handle h, Kind kind, long id, String language, String name) {
        // A name whose slug another term has in the language gets the slug with a number.
        String base = Slug.of(name, 8);
        if (base.isEmpty()) base = kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + id;
        String slug = base;
        for (int n = 2; slugTaken(h, kind, language, slug); n++) slug = base + "-" + n;
        h.createUpdate("INSERT INTO " + kind.names + " (" + kind.foreignKey
                        + ", language, name, slug) VALUES (:id, :lang, :name, :slug)")
                .bind("id", id)
                .bind("lang", language)
                .bind("name", name)
                .bind("slug", slug)
                .execute();
    }

    private boolean slugTaken(Handle h, Kind kind, String language, String slug) {
        return h.createQuery("SELECT COUNT(*) FROM " + kind.names + " WHERE language = :lang AND slug = :slug")
                        .bind("lang", language)
                        .bind("slug", slug)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    /** Replaces the tags an article's writer proposed (names in its language) with these. */
    void replaceProposals(Handle h, long articleId, String language, List<String> names, Long userId, long now) {
        h.createUpdate("DELETE FROM tag_proposals WHERE article_id = :a")
                .bind("a", articleId)
                .execute();
        for (String name : names) {
            h.createUpdate("""
                            INSERT INTO tag_proposals (article_id, language, name, proposed_by, proposed_at)
                            VALUES (:a, :lang, :name, :user, :now)""")
                    .bind("a", articleId)
                    .bind("lang", language)
                    .bind("name", name)
                    .bind("user", userId)
                    .bind("now", now)
                    .execute();
        }
    }

    long upsert(Handle h, Kind kind, String key, String defaultName, Map<String, String> names) {
        {
            long id = idOf(h, kind, key).orElseGet(() -> insertTerm(h, kind, key, defaultName));
            for (var entry : names.entrySet()) {
                String slug = Slug.of(entry.getValue(), 8);
                h.createUpdate("DELETE FROM " + kind.names + " WHERE " + kind.foreignKey
                                + " = :id AND language = :lang")
                        .bind("id", id)
                        .bind("lang", entry.getKey())
                        .execute();
                h.createUpdate("INSERT INTO " + kind.names + " (" + kind.foreignKey
                                + ", language, name, slug) VALUES (:id, :lang, :name, :slug)")
                        .bind("id", id)
                        .bind("lang", entry.getKey())
                        .bind("name", entry.getValue())
                        .bind("slug", slug)
                        .execute();
            }
            return id;
        }
    }

    /** True if another term of the kind (another key) has this slug in the language. */
    boolean slugTaken(Handle h, Kind kind, String language, String slug, String key) {
        return h.createQuery("SELECT COUNT(*) FROM " + kind.names + " n JOIN " + kind.table + " t ON t.id = n."
                                + kind.foreignKey + " WHERE n.language = :lang AND n.slug = :slug AND t.key <> :key")
                        .bind("lang", language)
                        .bind("slug", slug)
                        .bind("key", key)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    private long insertTerm(Handle h, Kind kind, String key, String defaultName) {
        String sql = kind == Kind.AUTHOR
                ? "INSERT INTO authors (key, name) VALUES (:key, :name) RETURNING id"
                : "INSERT INTO " + kind.table + " (key) VALUES (:key) RETURNING id";
        var query = h.createQuery(sql).bind("key", key);
        if (kind == Kind.AUTHOR) query.bind("name", defaultName);
        return query.mapTo(Long.class).one();
    }

    /** Sets an author's X account (null clears it). */
    void setXHandle(Handle h, long authorId, String handle) {
        h.createUpdate("UPDATE authors SET x_handle = :handle WHERE id = :id")
                .bind("handle", handle)
                .bind("id", authorId)
                .execute();
    }

    /** The X accounts of those of these authors who have one, by author id. */
    Map<Long, String> xHandles(java.util.Collection<Long> authorIds) {
        if (authorIds.isEmpty()) return Map.of();
        Map<Long, String> handles = new java.util.LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery(
                        "SELECT id, x_handle FROM authors WHERE x_handle IS NOT NULL AND id IN (<ids>) ORDER BY id")
                .bindList("ids", List.copyOf(authorIds))
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> handles.put(e.getKey(), e.getValue())));
        return handles;
    }

    /** Every author's X account, by author key. */
    Map<String, String> xHandlesByKey() {
        Map<String, String> handles = new java.util.TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT key, x_handle FROM authors WHERE x_handle IS NOT NULL")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> handles.put(e.getKey(), e.getValue())));
        return handles;
    }

    /** The term named in the language, falling back to its key when it has no name there. */
    Optional<Term> find(Kind kind, long id, String language) {
        return jdbi.withHandle(h -> h.createQuery("SELECT t.id, t.key, COALESCE(n.name, " + kind.fallbackName
                        + "), n.slug FROM " + kind.table + " t LEFT JOIN " + kind.names + " n ON n." + kind.foreignKey
                        + " = t.id AND n.language = :lang WHERE t.id = :id")
                .bind("id", id)
                .bind("lang", language)
                .map((rs, ctx) -> term(rs.getLong(1), rs.getString(2), language, rs.getString(3), rs.getString(4)))
                .findOne());
    }

    /** Several terms of a kind at once, by id, named in the language (one query, for lists). */
    List<Term> findAll(Kind kind, java.util.Collection<Long> ids, String language) {
        if (ids.isEmpty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT t.id, t.key, COALESCE(n.name, " + kind.fallbackName + "), n.slug FROM "
                                + kind.table + " t LEFT JOIN " + kind.names + " n ON n." + kind.foreignKey
                                + " = t.id AND n.language = :lang WHERE t.id IN (<ids>)")
                .bindList("ids", List.copyOf(ids))
                .bind("lang", language)
                .map((rs, ctx) -> term(rs.getLong(1), rs.getString(2), language, rs.getString(3), rs.getString(4)))
                .list());
    }

    List<Term> forArticle(Kind kind, long articleId, String language) {
        String link = kind == Kind.TAG ? "article_tags" : "article_authors";
        String linkColumn = kind == Kind.TAG ? "tag_id" : "author_id";
        return jdbi.withHandle(h -> h.createQuery("SELECT t.id, t.key, COALESCE(n.name, " + kind.fallbackName
                        + "), n.slug FROM " + link + " l JOIN " + kind.table
                        + " t ON t.id = l." + linkColumn + " LEFT JOIN " + kind.names + " n ON n." + kind.foreignKey
                        + " = t.id AND n.language = :lang WHERE l.article_id = :article ORDER BY l.position")
                .bind("article", articleId)
                .bind("lang", language)
                .map((rs, ctx) -> term(rs.getLong(1), rs.getString(2), language, rs.getString(3), rs.getString(4)))
                .list());
    }

    /**
     * The sections (with {@link Kind#SECTION}), tags or authors of several articles at once, each
     * named in its article's language, in order, by article id: three queries for a batch of articles
     * instead of three for each (a full search reindex, issue 20).
     */
    Map<Long, List<Term>> forArticles(Kind kind, java.util.Collection<Long> articleIds) {
        Map<Long, List<Term>> byArticle = new java.util.HashMap<>();
        if (articleIds.isEmpty()) return byArticle;
        String from = switch (kind) {
            case SECTION -> "articles a JOIN sections t ON t.id = a.section_id";
            case TAG -> "article_tags l JOIN articles a ON a.id = l.article_id JOIN tags t ON t.id = l.tag_id";
            case AUTHOR ->
                "article_authors l JOIN articles a ON a.id = l.article_id JOIN authors t ON t.id = l.author_id";
        };
        String order = kind == Kind.SECTION ? "a.id" : "a.id, l.position";
        jdbi.useHandle(h -> h.createQuery("SELECT a.id, a.language, t.id, t.key, COALESCE(n.name, " + kind.fallbackName
                        + "), n.slug FROM " + from + " LEFT JOIN " + kind.names + " n ON n." + kind.foreignKey
                        + " = t.id AND n.language = a.language WHERE a.id IN (<ids>) ORDER BY " + order)
                .bindList("ids", List.copyOf(articleIds))
                .map((rs, ctx) -> Map.entry(
                        rs.getLong(1),
                        term(rs.getLong(3), rs.getString(4), rs.getString(2), rs.getString(5), rs.getString(6))))
                .forEach(e -> byArticle
                        .computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>())
                        .add(e.getValue())));
        return byArticle;
    }

    private static Term term(long id, String key, String language, String name, String slug) {
        return new Term(id, key, language, name, slug == null ? Slug.of(name, 8) : slug);
    }
}
