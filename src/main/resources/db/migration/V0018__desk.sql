-- The desk (issue 14): who is on what (assignments), internal notes on articles, and the notifications
-- behind the newsroom's bell. Written for SQLite and PostgreSQL alike; instants are UTC epoch
-- milliseconds, ${id} the one true difference (see V0001 and docs/decisions/0004).

-- An editor gives someone an article to work on, or a translation of it into a language, by a time.
-- language NULL: the article itself; otherwise a translation of article_id (the source) into it.
-- done_at is set when the work is handed in (submitted or published) or marked done.
CREATE TABLE assignments (
    id ${id},
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    language TEXT,
    assignee_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    assigned_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    due_at BIGINT,
    created_at BIGINT NOT NULL,
    done_at BIGINT
);

CREATE INDEX assignments_open_by_assignee ON assignments (assignee_id, done_at, due_at);
CREATE INDEX assignments_by_article ON assignments (article_id, done_at);

-- Notes staff leave on an article for each other. Never shown to readers, never in feeds, exports of
-- the public site or the search index. Mentions (@amina) are resolved when the note is written.
CREATE TABLE article_notes (
    id ${id},
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    author_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE INDEX article_notes_by_article ON article_notes (article_id, created_at);

-- What the bell shows a staff member, written on the transaction of what it tells of (an outbox:
-- never a notification of a change that was rolled back). mailed_at is for the mailer (issue 16):
-- NULL until it has mailed the notification or decided not to; it reads the NULL rows in id order.
CREATE TABLE notifications (
    id ${id},
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('submitted', 'returned', 'published', 'assigned', 'mentioned',
        'translation_outdated')),
    article_id BIGINT REFERENCES articles (id) ON DELETE CASCADE,
    actor_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    language TEXT,
    created_at BIGINT NOT NULL,
    read_at BIGINT,
    mailed_at BIGINT
);

CREATE INDEX notifications_by_user ON notifications (user_id, read_at, id);
CREATE INDEX notifications_unmailed ON notifications (mailed_at, id);
