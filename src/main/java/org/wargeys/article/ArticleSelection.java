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
        StringBuilder sql = new StringBuilder("SELECT " + ArticleRepository.COLUMNS + " FROM articles a");
        List<String> where = new ArrayList<>();
        Map<String, Object> binds = new LinkedHashMap<>();
        where.add("a.status = 'published'");
        if (filter.language() != null) {
            where.add("a.language = :lang");
            binds.put("lang", filter.language());
        }
        if (terms.sectionId() != null) {
            where.add("a.section_id = :section");
            binds.put("section", terms.sectionId());
        }
        if (terms.tagId() != null) {
            where.add("EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag_id = :tag)");
            binds.put("tag", terms.tagId());
        }
        if (terms.authorId() != null) {
            where.add("EXISTS (SELECT 1 FROM article_authors w WHERE w.article_id = a.id AND w.author_id = :author)");
            binds.put("author", terms.authorId());
        }
        if (filter.from() != null) {
            where.add("a.published_at >= :from");
            binds.put("from", filter.from().toEpochMilli());
        }
        if (filter.until() != null) {
            where.add("a.published_at < :until");
            binds.put("until", filter.until().toEpochMilli());
        }
        if (after != null) {
            // A row value: an index range on both databases (ArticleArchive says why not an OR).
            where.add("(a.published_at, a.id) < (:afterAt, :afterId)");

            binds.put("afterAt", after.publishedAt().toEpochMilli());
            binds.put("afterId", after.id());
        }
        sql.append(" WHERE ").append(String.join(" AND ", where));
        sql.append(" ORDER BY a.published_at DESC, a.id DESC LIMIT :limit");
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql.toString()).bind("limit", limit);
            binds.forEach(query::bind);
            return query.map(ArticleRepository::map).list();
        });
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
