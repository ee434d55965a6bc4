-- Readers' newsletters (issue 16). A subscriber is only what they gave: the address, the language,
-- the sections chosen, when they consented and where they subscribed. Unsubscribing deletes the row.

CREATE TABLE subscribers (
    id ${id},
    -- Lower case.
    address TEXT NOT NULL,
    language TEXT NOT NULL,
    -- Space-separated section keys; empty for all the news.
    sections TEXT NOT NULL DEFAULT '',
    -- pending (the confirmation link not followed yet) or confirmed.
    status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed')),
    -- When the confirmation link was followed (the consent); NULL while pending.
    consented_at BIGINT,
    -- The site path of the page the form was on.
    source TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    -- When the last confirmation mail was queued: no second one within minutes.
    confirmation_sent_at BIGINT NOT NULL,
    UNIQUE (address, language)
);

CREATE INDEX subscribers_by_language ON subscribers (language, status, id);

-- Breaking-news alerts: one per article and language, ever.
CREATE TABLE newsletter_alerts (
    id ${id},
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    subject TEXT NOT NULL,
    recipients INTEGER NOT NULL,
    -- Who ticked "Send to subscribers" (the audit line's actor).
    sent_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (article_id, language)
);
