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

    private List<Term> list(TaxonomyRepository.Kind kind, String language) {
        return jdbi.withHandle(h -> h.createQuery("SELECT t.key, COALESCE(n.name, " + kind.fallbackName
                        + ") AS name FROM " + kind.table + " t LEFT JOIN " + kind.names + " n ON n." + kind.foreignKey
                        + " = t.id AND n.language = :lang ORDER BY name")
                .bind("lang", language)
                .map((rs, ctx) -> new Term(rs.getString(1), rs.getString(2)))
                .list());
    }
}
