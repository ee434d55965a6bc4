-- What came in from other systems (WordPress exports today): which source item became which article,
-- the old addresses that must keep answering with a redirect, the import runs, and the data that has
-- no home of its own yet (share counts, media files). Written for SQLite and PostgreSQL alike.

CREATE TABLE import_runs (
    id ${id},
    source TEXT NOT NULL,
    file_name TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    finished_at BIGINT NOT NULL,
    imported INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    unchanged INTEGER NOT NULL,
    skipped INTEGER NOT NULL
);

-- One row per imported WordPress post or page, keyed by the site it came from and its post ID.
-- content_hash tells a re-import whether anything changed.
CREATE TABLE imported_items (
    source TEXT NOT NULL,
    source_id BIGINT NOT NULL,
    guid TEXT,
    kind TEXT NOT NULL,
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    content_hash TEXT NOT NULL,
    sticky INTEGER NOT NULL DEFAULT 0,
    featured_source_id BIGINT,
    PRIMARY KEY (source, source_id)
);

CREATE INDEX imported_items_article ON imported_items (article_id);

-- A translation group of the source (a Polylang post_translations term, a WPML translation group).
CREATE TABLE imported_translation_groups (
    source TEXT NOT NULL,
    group_key TEXT NOT NULL,
    translation_group_id BIGINT NOT NULL REFERENCES translation_groups (id),
    PRIMARY KEY (source, group_key)
);

-- Old addresses (path plus query, normalised: decoded, trailing slash) and where they now lead:
-- an article (its current address is computed when asked) or a fixed path.
CREATE TABLE redirects (
    old_path TEXT NOT NULL PRIMARY KEY,
    article_id BIGINT REFERENCES articles (id) ON DELETE CASCADE,
    target_path TEXT,
    CHECK (article_id IS NOT NULL OR target_path IS NOT NULL)
);

CREATE INDEX redirects_article ON redirects (article_id);

-- Social Snap share counts carried over from WordPress. The sharing feature owns share statistics;
-- these rows wait to be joined to them.
CREATE TABLE imported_share_counts (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    network TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (article_id, network)
);

-- WordPress attachments: where the file was, and where its copy is now (null when not copied).
CREATE TABLE media_files (
    source TEXT NOT NULL,
    source_id BIGINT NOT NULL,
    parent_id BIGINT,
    original_url TEXT NOT NULL,
    stored_path TEXT,
    content_type TEXT,
    title TEXT,
    PRIMARY KEY (source, source_id)
);

CREATE INDEX media_files_parent ON media_files (source, parent_id);
