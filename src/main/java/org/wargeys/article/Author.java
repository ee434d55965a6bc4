package org.wargeys.article;

/** A person or desk credited in bylines, as named in one language. */
public record Author(long id, String key, String language, String name, String slug) {}
