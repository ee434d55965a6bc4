-- Webhooks (issue 18): endpoints administrators register, the events queued for them on the
-- transaction of the change that caused them (an outbox), one delivery per event and endpoint, and
-- the log of every attempt. Deliveries are claimed with a conditional UPDATE (FOR UPDATE SKIP LOCKED
-- on PostgreSQL), so that of several nodes exactly one delivers each.

CREATE TABLE webhook_endpoints (
    id ${id},
    url TEXT NOT NULL,
    description TEXT,
    -- Space-separated event types (article.published ...).
    events TEXT NOT NULL,
    -- The signing secret (whsec_ + base64). Kept readable: every delivery is signed with it.
    secret TEXT NOT NULL,
    owner_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    owner_email TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    -- Since when every attempt failed (NULL while the last one succeeded or none was made).
    failing_since BIGINT,
    paused_at BIGINT,
    -- Why it was paused: 'failing' (a day of failures) or 'manual'.
    paused_reason TEXT
);

CREATE TABLE webhook_events (
    id ${id},
    type TEXT NOT NULL,
    -- The JSON body sent, exactly as signed.
    payload TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE INDEX webhook_events_by_time ON webhook_events (created_at);

CREATE TABLE webhook_deliveries (
    id ${id},
    event_id BIGINT NOT NULL REFERENCES webhook_events (id) ON DELETE CASCADE,
    endpoint_id BIGINT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    -- pending, sending (claimed by a node until lease_until), delivered, failed (gave up).
    status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_until BIGINT,
    created_at BIGINT NOT NULL,
    finished_at BIGINT
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, id);

CREATE TABLE webhook_attempts (
    id ${id},
    delivery_id BIGINT NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at BIGINT NOT NULL,
    duration_ms BIGINT NOT NULL,
    -- The HTTP status, or NULL when no answer came (refused, timed out, address not allowed).
    status_code INTEGER,
    error TEXT,
    response_excerpt TEXT
);

CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (delivery_id, id);
