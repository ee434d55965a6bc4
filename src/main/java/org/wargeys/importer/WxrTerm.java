package org.wargeys.importer;

/**
 * A term defined at the top of a WordPress export ({@code wp:category}, {@code wp:tag},
 * {@code wp:term}): its taxonomy (category, post_tag, language, post_translations, ...), slug, name,
 * parent slug and description (Polylang keeps its translation map there).
 */
record WxrTerm(long termId, String taxonomy, String slug, String name, String parent, String description) {}
