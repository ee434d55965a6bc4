-- The API (issue 18): staff members' personal access tokens, content keys for apps and partners,
-- and the answers to POSTs sent with an Idempotency-Key. Tokens and keys are random secrets of which
-- only the SHA-256 is stored (as for sessions): a copy of the database lets nobody in.

CREATE TABLE api_tokens (
    id ${id},
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    -- Space-separated scope codes (drafts:read articles:write articles:publish media:write taxonomy:write).
    scopes TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT,
    last_used_at BIGINT,
    last_used_address TEXT
);

CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

-- Keys apps and partners send with Content API requests (X-Api-Key): optional unless the site
-- requires them; each has its own rate limit.
CREATE TABLE api_content_keys (
    id ${id},
    name TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    per_minute INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);

-- One row per (token, Idempotency-Key), written on the transaction of the change it made: a retried
-- POST finds it and gets the first answer again instead of doing the change twice.
CREATE TABLE api_idempotency (
    token_id BIGINT NOT NULL REFERENCES api_tokens (id) ON DELETE CASCADE,
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    location TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (token_id, idempotency_key)
);

CREATE INDEX api_idempotency_by_time ON api_idempotency (created_at);
