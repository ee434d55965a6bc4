package org.wargeys.article;

/** A section of the site (World, Politics…) as named in one language. */
public record Section(long id, String key, String language, String name, String slug) {}
