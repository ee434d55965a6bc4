-- The newsroom: staff accounts, sessions, login throttling, the audit log, and what the article
-- model needs for the newsroom workflow (who created an article, the source revision a translation
-- was made from, dated corrections). Booleans are INTEGER 0/1 on both databases; instants are UTC
-- epoch milliseconds.

CREATE TABLE users (
    id ${id},
    -- Stored lower-case, so one address is one account on both databases.
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('administrator', 'editor', 'author', 'translator')),
    -- Comma-separated language codes a translator may translate into; empty for other roles.
    languages TEXT NOT NULL DEFAULT '',
    -- 1 while the account has a one-time password: the newsroom asks for a new one before anything else.
    must_change_password INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);

-- A signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so a copy of
-- the database does not let anyone sign in.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);

CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE login_attempts (
    id ${id},
    email TEXT NOT NULL,
    address TEXT NOT NULL,
    attempted_at BIGINT NOT NULL,
    succeeded INTEGER NOT NULL
);

CREATE INDEX login_attempts_by_email ON login_attempts (email, attempted_at);
CREATE INDEX login_attempts_by_address ON login_attempts (address, attempted_at);

CREATE TABLE audit_log (
    id ${id},
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    detail TEXT,
    address TEXT
);

CREATE INDEX audit_log_by_time ON audit_log (at);

-- Who started an article (authors may edit their own) and, for a translation, which revision of
-- which source article it was last brought up to date with (older source revisions: outdated).
CREATE TABLE article_origins (
    article_id BIGINT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    source_article_id BIGINT REFERENCES articles (id) ON DELETE SET NULL,
    source_revision INTEGER
);

CREATE TABLE article_corrections (
    id ${id},
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    note TEXT NOT NULL,
    corrected_at BIGINT NOT NULL,
    added_by TEXT NOT NULL
);

CREATE INDEX article_corrections_by_article ON article_corrections (article_id, corrected_at);
CREATE INDEX articles_due ON articles (status, scheduled_at);
