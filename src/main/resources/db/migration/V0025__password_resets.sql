-- "Forgot password" (issue 16): a link by mail, expiring, single-use. Only the SHA-256 of the link's
-- token is stored, so a copy of the database opens no account.
CREATE TABLE password_resets (
    id ${id},
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

CREATE INDEX password_resets_by_user ON password_resets (user_id, created_at);
