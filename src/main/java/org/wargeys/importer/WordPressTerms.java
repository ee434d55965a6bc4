package org.wargeys.importer;

import java.util.HashMap;
import java.util.Map;
import org.wargeys.article.Slug;

/**
 * The categories and tags of one export, held while its items are read, and the key each becomes
 * here: terms that translate each other (Polylang term_translations, WPML translation groups) take the
 * key of their group's first term, so they become one section or tag with a name per language. Not
 * thread-safe: one per import.
 */
final class WordPressTerms {

    /** Terms by taxonomy and slug. */
    private final Map<String, WxrTerm> terms = new HashMap<>();
    /** Term id → the slug of the first term of its translation group (Polylang term_translations). */
    private final Map<Long, String> termGroupLeader = new HashMap<>();

    private final Map<Long, WxrTerm> termsById = new HashMap<>();
    /** WPML term translation group → the slug of its first term. */
    private final Map<String, String> wpmlTermGroups = new HashMap<>();

    void add(WxrTerm term) {
        terms.put(term.taxonomy() + ":" + term.slug(), term);
        termsById.put(term.termId(), term);
        if (term.taxonomy().equals("term_translations")) {
            Map<String, Long> members = PhpArray.stringToIds(term.description());
            String leader = null;
            for (long id : members.values()) {
                WxrTerm member = termsById.get(id);
                if (member != null && leader == null) leader = member.slug();
            }
            if (leader != null) {
                for (long id : members.values()) termGroupLeader.put(id, leader);
            }
        }
        String wpmlGroup = term.meta().getOrDefault("_wpml_import_translation_group", "");
        if (!wpmlGroup.isEmpty()) {
            String leader = wpmlTermGroups.computeIfAbsent(term.taxonomy() + ":" + wpmlGroup, k -> term.slug());
            termGroupLeader.put(term.termId(), leader);
        }
    }

    /** The key of the section or tag that an item's category or tag ({@code taxonomy}) becomes. */
    String key(String taxonomy, WxrItem.Term term) {
        WxrTerm defined = terms.get(taxonomy + ":" + term.nicename());
        if (defined != null) {
            String leader = termGroupLeader.get(defined.termId());
            if (leader != null) return WordPressValues.decode(leader);
        }
        String key = WordPressValues.decode(term.nicename());
        return key.isEmpty() ? Slug.of(term.name(), 8) : key;
    }
}
