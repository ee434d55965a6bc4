-- The article editor (issue 13): bylines linked to staff accounts and guest bylines, tags proposed by
-- authors, who is editing which article now, unsaved copies of changes to articles that are not
-- drafts, and what a translation was translated from, paragraph by paragraph. Booleans are INTEGER
-- 0/1 and instants UTC epoch milliseconds on both databases (see V0005).

-- A byline can be a staff member (the editor offers the signed-in member's own byline first) or a
-- guest: a contributor without an account, named in the editor. NULL user_id: not a staff member.
ALTER TABLE authors ADD COLUMN user_id BIGINT REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE authors ADD COLUMN guest INTEGER NOT NULL DEFAULT 0 CHECK (guest IN (0, 1));
CREATE INDEX authors_by_user ON authors (user_id);

-- A tag an author asked for on an article, by name in the article's language. Readers never see it;
-- an editor accepts it (a new tag, or merged into an existing one) or turns it down.
CREATE TABLE tag_proposals (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    name TEXT NOT NULL,
    proposed_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    proposed_at BIGINT NOT NULL,
    PRIMARY KEY (article_id, name)
);

-- Who has an article open in the editor: one row per browser tab, kept fresh by a heartbeat. The tab
-- that holds the article is the one whose changes are saved; others watch until they take over.
CREATE TABLE article_editors (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tab TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    started_at BIGINT NOT NULL,
    seen_at BIGINT NOT NULL,
    holding INTEGER NOT NULL DEFAULT 0 CHECK (holding IN (0, 1)),
    PRIMARY KEY (article_id, tab)
);

-- Changes a staff member made to an article that is not a draft (in review, scheduled, live) and has
-- not put live yet: autosaved here, never onto the article, until they press Update. One per article
-- and person; base_revision is the article revision the changes were made on.
CREATE TABLE article_autosaves (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    base_revision INTEGER NOT NULL,
    fields TEXT NOT NULL,
    saved_at BIGINT NOT NULL,
    PRIMARY KEY (article_id, user_id)
);

-- A revision the editor's autosave wrote. The next autosave by the same person within minutes
-- replaces it (with the next number), so the history keeps versions, not keystrokes.
ALTER TABLE article_revisions ADD COLUMN autosaved INTEGER NOT NULL DEFAULT 0 CHECK (autosaved IN (0, 1));

-- What each block of a translation's body was translated from: the source block's HTML as it was
-- when the translator last carried it over. Compared with the source as it is now, block by block,
-- it shows the translator which paragraphs changed, word by word.
CREATE TABLE translation_segments (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    source_html TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
);
