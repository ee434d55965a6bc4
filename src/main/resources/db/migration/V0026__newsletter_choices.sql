-- What each subscriber asked for (issue 16): breaking-news alerts, the daily digest, or both; at least
-- one. A boolean is INTEGER 0/1 on both databases (see V0005). The form they subscribed on until now
-- promised breaking news only ("Get breaking news from {site} by email"), so everyone already on a
-- list keeps the alerts and gets no digest until they ask for it on their preferences page.

ALTER TABLE subscribers ADD COLUMN alerts INTEGER NOT NULL DEFAULT 1;
ALTER TABLE subscribers ADD COLUMN digest INTEGER NOT NULL DEFAULT 0;

-- The keyset pages of an alert and of a digest read only their own readers.
CREATE INDEX subscribers_for_alerts ON subscribers (language, status, alerts, id);
CREATE INDEX subscribers_for_digest ON subscribers (language, status, digest, id);
