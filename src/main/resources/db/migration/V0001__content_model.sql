-- The content model for the whole product: sections, tags and authors with per-language names;
-- translation groups; articles with their revisions. Written in the subset of SQL that SQLite and
-- PostgreSQL both accept; ${id} is the one true difference (see docs/decisions/0004).
-- Instants are UTC epoch milliseconds (BIGINT) on both databases.

CREATE TABLE sections (
    id ${id},
    key TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE section_names (
    section_id BIGINT NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    name TEXT NOT NULL,
    slug TEXT NOT NULL,
    PRIMARY KEY (section_id, language),
    UNIQUE (language, slug)
);

CREATE TABLE tags (
    id ${id},
    key TEXT NOT NULL UNIQUE
);

CREATE TABLE tag_names (
    tag_id BIGINT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    name TEXT NOT NULL,
    slug TEXT NOT NULL,
    PRIMARY KEY (tag_id, language),
    UNIQUE (language, slug)
);

CREATE TABLE authors (
    id ${id},
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE author_names (
    author_id BIGINT NOT NULL REFERENCES authors (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    name TEXT NOT NULL,
    slug TEXT NOT NULL,
    bio TEXT,
    PRIMARY KEY (author_id, language),
    UNIQUE (language, slug)
);

-- The articles that translate each other. At most one article per language (enforced on articles);
-- source_language names the one the others were translated from.
CREATE TABLE translation_groups (
    id ${id},
    source_language TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE articles (
    id ${id},
    translation_group_id BIGINT NOT NULL REFERENCES translation_groups (id),
    language TEXT NOT NULL,
    slug TEXT NOT NULL,
    headline TEXT NOT NULL,
    dateline_place TEXT,
    dateline_outlet TEXT,
    standfirst TEXT,
    body_format TEXT NOT NULL CHECK (body_format IN ('markdown', 'html')),
    body TEXT NOT NULL,
    -- The body rendered and sanitized at save time, so a page view never parses Markdown.
    body_html TEXT NOT NULL,
    section_id BIGINT REFERENCES sections (id),
    status TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'scheduled', 'published', 'unpublished')),
    seo_title TEXT,
    seo_description TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    published_at BIGINT,
    scheduled_at BIGINT,
    revision INTEGER NOT NULL DEFAULT 1,
    UNIQUE (language, slug),
    UNIQUE (translation_group_id, language)
);

CREATE INDEX articles_latest ON articles (language, status, published_at);

CREATE TABLE article_tags (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag_id BIGINT NOT NULL REFERENCES tags (id),
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, tag_id)
);

CREATE TABLE article_authors (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    author_id BIGINT NOT NULL REFERENCES authors (id),
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, author_id)
);

-- Every save keeps the article's content as it was saved, numbered like articles.revision.
CREATE TABLE article_revisions (
    id ${id},
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    headline TEXT NOT NULL,
    dateline_place TEXT,
    dateline_outlet TEXT,
    standfirst TEXT,
    body_format TEXT NOT NULL,
    body TEXT NOT NULL,
    saved_at BIGINT NOT NULL,
    saved_by TEXT,
    UNIQUE (article_id, revision)
);
