package org.wargeys.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Published articles chosen by language, section, tag, author and publication time, newest first, a
 * slice at a time after a keyset cursor (the publication time and id of the last article of the slice
 * before), so that a page deep in the list costs what the first does and a publication meanwhile never
 * shifts or repeats an article. The Content API's lists. Reads only. Thread-safe.
 */
public final class ArticleSelection {

    /**
     * What to choose; null fields do not filter. Section, tag and author are stable keys.
     *
     * @param from published at or after (inclusive)
     * @param until published before (exclusive)
     */
    public record Filter(
            String language, String sectionKey, String tagKey, String authorKey, Instant from, Instant until) {}

    /** Where a slice starts: after the article published at {@code publishedAt} with this id. */
    public record After(Instant publishedAt, long id) {}

    /** The ids of the section, tag and author a filter names; empty if one of them does not exist. */
    public record Terms(Long sectionId, Long tagId, Long authorId) {}

    private final Jdbi jdbi;
    private final TaxonomyRepository taxonomy;

    ArticleSelection(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.taxonomy = new TaxonomyRepository(jdbi);
    }

    /** The ids behind the filter's keys; empty if any key names nothing (the list would be empty). */
    public Optional<Terms> terms(Filter filter) {
        return jdbi.withHandle(h -> {
            Long section = null;
            Long tag = null;
            Long author = null;
            if (filter.sectionKey() != null) {
                section = taxonomy.idOf(h, TaxonomyRepository.Kind.SECTION, filter.sectionKey())
                        .orElse(null);
                if (section == null) return Optional.<Terms>empty();
            }
            if (filter.tagKey() != null) {
                tag = taxonomy.idOf(h, TaxonomyRepository.Kind.TAG, filter.tagKey())
                        .orElse(null);
                if (tag == null) return Optional.<Terms>empty();
            }
            if (filter.authorKey() != null) {
                author = taxonomy.idOf(h, TaxonomyRepository.Kind.AUTHOR, filter.authorKey())
                        .orElse(null);
                if (author == null) return Optional.<Terms>empty();
            }
            return Optional.of(new Terms(section, tag, author));
        });
    }

    /** At most {@code limit} published articles matching the filter, newest first, after {@code after} (null: from the newest). */
    public List<Article> select(Filter filter, Terms terms, After after, int limit) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql(filter, terms, after)).bind("limit", limit);
            binds(filter, terms, after).forEach(query::bind);
            return query.map(ArticleRepository::map).list();
        });
    }

    /**
     * The query {@link #select} runs. A tag's or an author's articles in one language are read from the
     * link table's copy of their language, status and publication time (V0034), in its index's order,
     * as the tag and author pages are; otherwise from the articles' own indexes.
     */
    static String sql(Filter filter, Terms terms, After after) {
        String link = null;
        if (filter.language() != null && terms.tagId() != null)
            link = "article_tags l JOIN articles a ON a.id = l.article_id";
        else if (filter.language() != null && terms.authorId() != null)
            link = "article_authors l JOIN articles a ON a.id = l.article_id";
        String at = link == null ? "a.published_at" : "l.published_at";
        String id = link == null ? "a.id" : "l.article_id";
        List<String> where = new ArrayList<>();
        if (link == null) {
            where.add("a.status = 'published'");
            if (filter.language() != null) where.add("a.language = :lang");
        } else {
            where.add(terms.tagId() != null ? "l.tag_id = :tag" : "l.author_id = :author");
            where.add("l.language = :lang");
            where.add("l.status = 'published'");
        }
        if (terms.sectionId() != null) where.add("a.section_id = :section");
        if (terms.tagId() != null && link == null)
            where.add("EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag_id = :tag)");
        if (terms.authorId() != null && (link == null || terms.tagId() != null))
            where.add("EXISTS (SELECT 1 FROM article_authors w WHERE w.article_id = a.id AND w.author_id = :author)");
        if (filter.from() != null) where.add(at + " >= :from");
        if (filter.until() != null) where.add(at + " < :until");
        // The bound on the time alone lets the index range start at the cursor (neither database derives
        // one from the OR).
        if (after != null) where.add(at + " <= :afterAt AND (" + at + " < :afterAt OR " + id + " < :afterId)");
        return "SELECT " + ArticleRepository.COLUMNS + " FROM " + (link == null ? "articles a" : link) + " WHERE "
                + String.join(" AND ", where) + " ORDER BY " + at + " DESC, " + id + " DESC LIMIT :limit";
    }

    static Map<String, Object> binds(Filter filter, Terms terms, After after) {
        Map<String, Object> binds = new LinkedHashMap<>();
        if (filter.language() != null) binds.put("lang", filter.language());
        if (terms.sectionId() != null) binds.put("section", terms.sectionId());
        if (terms.tagId() != null) binds.put("tag", terms.tagId());
        if (terms.authorId() != null) binds.put("author", terms.authorId());
        if (filter.from() != null) binds.put("from", filter.from().toEpochMilli());
        if (filter.until() != null) binds.put("until", filter.until().toEpochMilli());
        if (after != null) {
            binds.put("afterAt", after.publishedAt().toEpochMilli());
            binds.put("afterId", after.id());
        }
        return binds;
    }

    /** Every section named in the language (its key where it has no name there), in the site's order. */
    public List<Section> sections(String language) {
        return terms(TaxonomyRepository.Kind.SECTION, language, "t.position, name").stream()
                .map(t -> new Section(t.id(), t.key(), language, t.name(), t.slug()))
                .toList();
    }

    public List<Tag> tags(String language) {
        return terms(TaxonomyRepository.Kind.TAG, language, "name, t.key").stream()
                .map(t -> new Tag(t.id(), t.key(), language, t.name(), t.slug()))
                .toList();
    }

    public List<Author> authors(String language) {
        return terms(TaxonomyRepository.Kind.AUTHOR, language, "name, t.key").stream()
                .map(t -> new Author(t.id(), t.key(), language, t.name(), t.slug()))
                .toList();
    }

    private List<TaxonomyRepository.Term> terms(TaxonomyRepository.Kind kind, String language, String order) {
        return jdbi.withHandle(h -> h.createQuery("SELECT t.id, t.key, COALESCE(n.name, " + kind.fallbackName
                        + ") AS name, COALESCE(n.slug, t.key) AS slug FROM " + kind.table + " t LEFT JOIN "
                        + kind.names + " n ON n." + kind.foreignKey + " = t.id AND n.language = :lang ORDER BY "
                        + order)
                .bind("lang", language)
                .map((rs, ctx) -> new TaxonomyRepository.Term(
                        rs.getLong(1), rs.getString(2), language, rs.getString(3), rs.getString(4)))
                .list());
    }
}
