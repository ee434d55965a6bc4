-- The daily digest (issue 16): one per language and local day (the site's time zone), ever. The row
-- is made first (the claim: of several nodes one makes it), with the articles it carries fixed then;
-- its subscribers are then queued page by page, each page on one transaction that also moves
-- last_subscriber_id, so a digest interrupted by a crash or a restart goes on where it stopped and
-- nobody gets it twice. A day when nothing was published in the language gets a 'skipped' row.

CREATE TABLE newsletter_digests (
    id ${id},
    language TEXT NOT NULL,
    -- The local date it is for, YYYY-MM-DD.
    day TEXT NOT NULL,
    -- The articles first published in (since, until], epoch milliseconds.
    since BIGINT NOT NULL,
    until BIGINT NOT NULL,
    -- Space-separated article ids, newest first; empty when skipped.
    article_ids TEXT NOT NULL DEFAULT '',
    -- sending (pages still to queue), sent (all queued), skipped (nothing was published).
    status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'skipped')),
    -- The last subscriber queued (subscribers are queued in id order).
    last_subscriber_id BIGINT NOT NULL DEFAULT 0,
    recipients INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    UNIQUE (language, day)
);

CREATE INDEX newsletter_digests_by_status ON newsletter_digests (status, id);

-- The newsroom's newsletter settings, set at /admin/subscribers: digest_time (HH:MM in the site's time
-- zone, one time for every language; no row: no digest).
CREATE TABLE newsletter_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
