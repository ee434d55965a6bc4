-- Settings an editor can change without a restart, one row per key (values are text).
-- feed.full_content: 'true' puts whole articles in RSS/Atom feeds, anything else a summary.
CREATE TABLE site_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
