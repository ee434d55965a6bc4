-- Notifications by mail (issue 16): each staff member chooses which notifications of the bell also
-- come by mail, and in which newsroom language. No row: every kind, in the site's first language.

CREATE TABLE notification_mail_settings (
    user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    -- The newsroom language their mail is written in (set by the settings page and by the language
    -- chosen in the newsroom).
    language TEXT NOT NULL,
    -- Space-separated notification kinds NOT to mail (empty: all of them).
    muted TEXT NOT NULL DEFAULT '',
    updated_at BIGINT NOT NULL
);

-- The bell's notifications from before this release are not mailed: they may be weeks old.
UPDATE notifications SET mailed_at = created_at WHERE mailed_at IS NULL;
