-- Mail (issue 16): every message is queued in mail_outbox on the transaction of the change that caused
-- it (a subscription, an alert, a password reset), fully written (both parts, headers), and sent by a
-- worker that claims it with a conditional UPDATE (FOR UPDATE SKIP LOCKED on PostgreSQL), so that of
-- several nodes exactly one sends each. Addresses a server refused for good (5xx) are suppressed.

CREATE TABLE mail_outbox (
    id ${id},
    -- What caused it: newsletter-confirm, newsletter-alert, account-password-reset, mail-test ...
    kind TEXT NOT NULL,
    -- The batch it belongs to (one alert to a language's subscribers), or NULL.
    batch_id BIGINT,
    -- Lower case.
    recipient TEXT NOT NULL,
    language TEXT,
    subject TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT,
    -- Extra headers as a JSON object (List-Unsubscribe ...).
    headers TEXT,
    -- Fixed when queued, so that a message sent again after a crash has the same Message-ID.
    message_id TEXT NOT NULL,
    -- pending, sending (claimed by a node until lease_until), sent, failed (refused or gave up).
    status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_until BIGINT,
    created_at BIGINT NOT NULL,
    sent_at BIGINT,
    last_error TEXT
);

CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX mail_outbox_by_sent ON mail_outbox (sent_at);
CREATE INDEX mail_outbox_by_batch ON mail_outbox (batch_id, status);

CREATE TABLE mail_suppressions (
    -- Lower case.
    address TEXT PRIMARY KEY,
    -- The server's answer (550 5.1.1 ...).
    reason TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
