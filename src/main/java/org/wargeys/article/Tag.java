package org.wargeys.article;

/** A topic an article is tagged with, as named in one language. */
public record Tag(long id, String key, String language, String name, String slug) {}
