-- Live blogs (issue 17): an article an editor turned live, and the short entries posted on it.
-- Written for SQLite and PostgreSQL alike; instants are UTC epoch milliseconds, booleans INTEGER 0/1,
-- ${id} the one true difference (see V0001 and docs/decisions/0004). docs/decisions/0011-live-blogs.md.

-- The coverage belongs to the translation group: the source article (the one the editor turned live)
-- and every translation of it are live together. ended_at NULL while the coverage runs.
-- show_originals: a language's page shows the source entries not yet translated into it, labelled
-- with their language (an editor's choice, off by default).
CREATE TABLE live_blogs (
    translation_group_id BIGINT PRIMARY KEY REFERENCES translation_groups (id) ON DELETE CASCADE,
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    started_at BIGINT NOT NULL,
    ended_at BIGINT,
    show_originals INTEGER NOT NULL DEFAULT 0 CHECK (show_originals IN (0, 1))
);

-- One entry in one language. A source entry has source_entry_id NULL and is written in the source
-- article's language; a translated entry points at its source entry (one per language). thread_id is
-- the source entry's id on both, so every language lists its entries in the order the source posted
-- them, and pages read them by keyset (thread_id < the last one shown), never by OFFSET.
CREATE TABLE live_entries (
    id ${id},
    translation_group_id BIGINT NOT NULL REFERENCES live_blogs (translation_group_id) ON DELETE CASCADE,
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    source_entry_id BIGINT REFERENCES live_entries (id) ON DELETE CASCADE,
    thread_id BIGINT,
    body TEXT NOT NULL,
    body_html TEXT NOT NULL,
    quote TEXT,
    media_id BIGINT REFERENCES media (id) ON DELETE SET NULL,
    image_alt TEXT,
    key_event INTEGER NOT NULL DEFAULT 0 CHECK (key_event IN (0, 1)),
    author_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    posted_at BIGINT NOT NULL,
    edited_at BIGINT
);

CREATE INDEX live_entries_by_language ON live_entries (translation_group_id, language, thread_id);
CREATE UNIQUE INDEX live_entries_one_translation ON live_entries (source_entry_id, language);
