package org.wargeys.article;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Every section, tag and author, named in one language, for the newsroom's pickers. Thread-safe. */
public final class Taxonomy {

    /** A term's stable key and its name in the asked language (its key, or for authors their name, if it has none). */
    public record Term(String key, String name) {}

    private final Jdbi jdbi;

    Taxonomy(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Term> sections(String language) {
        return list(TaxonomyRepository.Kind.SECTION, language);
    }

    public List<Term> tags(String language) {
        return list(TaxonomyRepository.Kind.TAG, language);
    }

    public List<Term> authors(String language) {
        return list(TaxonomyRepository.Kind.AUTHOR, language);
    }

    /**
     * Tags or authors whose name in the language (or key) contains the typed text, those that start
     * with it first: the editor's pickers.
     *
     * @param note for authors, "staff" or "guest" (null otherwise)
     */
    public record Suggestion(String key, String name, String note) {}

    public List<Suggestion> suggestTags(String language, String typed, int limit) {
        return suggest(TaxonomyRepository.Kind.TAG, language, typed, limit);
    }

    public List<Suggestion> suggestAuthors(String language, String typed, int limit) {
        return suggest(TaxonomyRepository.Kind.AUTHOR, language, typed, limit);
    }

    private List<Suggestion> suggest(TaxonomyRepository.Kind kind, String language, String typed, int limit) {
        String q = typed == null ? "" : typed.strip().toLowerCase(java.util.Locale.ROOT);
        // "!" escapes LIKE's wildcards (a backslash would read as an escape to Jdbi's parser of the SQL).
        String escaped = q.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        String name = "COALESCE(n.name, " + kind.fallbackName + ")";
        String note = kind == TaxonomyRepository.Kind.AUTHOR
                ? "CASE WHEN t.user_id IS NOT NULL THEN 'staff' WHEN t.guest = 1 THEN 'guest' END"
                : "NULL";
        return jdbi.withHandle(h -> h.createQuery("SELECT t.key, " + name + " AS name, " + note + " FROM "
                        + kind.table + " t LEFT JOIN " + kind.names + " n ON n." + kind.foreignKey
                        + " = t.id AND n.language = :lang WHERE LOWER(" + name + ") LIKE :any ESCAPE '!'"
                        + " OR LOWER(t.key) LIKE :any ESCAPE '!'"
                        + " ORDER BY CASE WHEN LOWER(" + name + ") LIKE :start ESCAPE '!' THEN 0 ELSE 1 END, name"
                        + " LIMIT :limit")
                .bind("lang", language)
                .bind("any", "%" + escaped + "%")
                .bind("start", escaped + "%")
                .bind("limit", limit)
                .map((rs, ctx) -> new Suggestion(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list());
    }

    /** The staff members who have a byline, by user id → the byline's key. */
    public java.util.Map<Long, String> staffBylines() {
        java.util.Map<Long, String> keys = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT user_id, key FROM authors WHERE user_id IS NOT NULL ORDER BY id DESC")
                .map((rs, ctx) -> java.util.Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> keys.put(e.getKey(), e.getValue())));
        return keys;
    }

    /** A tag an author proposed, with the articles that ask for it. */
    public record Proposal(String language, String name, List<Long> articleIds) {}

    public List<Proposal> proposals() {
        java.util.Map<java.util.List<String>, List<Long>> byName = new java.util.LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery(
                        "SELECT language, name, article_id FROM tag_proposals ORDER BY language, name, article_id")
                .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)})
                .forEach(r -> byName.computeIfAbsent(
                                List.of((String) r[0], (String) r[1]), k -> new java.util.ArrayList<>())
                        .add((Long) r[2])));
        return byName.entrySet().stream()
                .map(e -> new Proposal(e.getKey().get(0), e.getKey().get(1), List.copyOf(e.getValue())))
                .toList();
    }

    /** The tag names an author proposed for one article. */
    public List<String> proposals(long articleId) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT name FROM tag_proposals WHERE article_id = :a ORDER BY proposed_at, name")
                        .bind("a", articleId)
                        .mapTo(String.class)
                        .list());
    }

    private List<Term> list(TaxonomyRepository.Kind kind, String language) {
        return jdbi.withHandle(h -> h.createQuery("SELECT t.key, COALESCE(n.name, " + kind.fallbackName
                        + ") AS name FROM " + kind.table + " t LEFT JOIN " + kind.names + " n ON n." + kind.foreignKey
                        + " = t.id AND n.language = :lang ORDER BY name")
                .bind("lang", language)
                .map((rs, ctx) -> new Term(rs.getString(1), rs.getString(2)))
                .list());
    }
}
