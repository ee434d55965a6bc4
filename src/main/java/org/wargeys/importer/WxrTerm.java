package org.wargeys.importer;

/**
 * A term defined at the top of a WordPress export ({@code wp:category}, {@code wp:tag},
 * {@code wp:term}): its taxonomy (category, post_tag, language, post_translations, ...), slug, name,
 * parent slug, description (Polylang keeps its translation map there) and term meta (WPML's
 * {@code _wpml_import_*} keys).
 */
record WxrTerm(
        long termId,
        String taxonomy,
        String slug,
        String name,
        String parent,
        String description,
        java.util.Map<String, String> meta) {

    WxrTerm(long termId, String taxonomy, String slug, String name, String parent, String description) {
        this(termId, taxonomy, slug, name, parent, description, java.util.Map.of());
    }
}
