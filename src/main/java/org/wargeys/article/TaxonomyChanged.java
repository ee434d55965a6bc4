package org.wargeys.article;

import org.wargeys.platform.SharedEvent;

/**
 * A section, tag or author was defined or renamed: every page that prints its name must drop.
 *
 * @param kind "section", "tag" or "author"
 */
public record TaxonomyChanged(String kind, long id) implements SharedEvent {}
