-- First-party share analytics: how often each article was shared to each network on each day (UTC).
-- Counts only: no address, cookie or user agent of any reader is stored.
CREATE TABLE share_counts (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    network TEXT NOT NULL,
    day TEXT NOT NULL,
    shares BIGINT NOT NULL,
    PRIMARY KEY (article_id, network, day)
);
