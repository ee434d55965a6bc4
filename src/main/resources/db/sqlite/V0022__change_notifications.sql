-- A change proposed to a published article (review before live, issue 14) rings the editors' bell:
-- a new notification kind. SQLite cannot alter a CHECK constraint, so the table is rebuilt with the
-- same columns, rows and indexes; PostgreSQL's V0022 swaps the constraint.
CREATE TABLE notifications_rebuilt (
    id ${id},
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('submitted', 'returned', 'published', 'assigned', 'mentioned',
        'translation_outdated', 'change_proposed')),
    article_id BIGINT REFERENCES articles (id) ON DELETE CASCADE,
    actor_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    language TEXT,
    created_at BIGINT NOT NULL,
    read_at BIGINT,
    mailed_at BIGINT
);

INSERT INTO notifications_rebuilt (id, user_id, kind, article_id, actor_id, language, created_at, read_at, mailed_at)
SELECT id, user_id, kind, article_id, actor_id, language, created_at, read_at, mailed_at FROM notifications;

DROP TABLE notifications;
ALTER TABLE notifications_rebuilt RENAME TO notifications;

CREATE INDEX notifications_by_user ON notifications (user_id, read_at, id);
CREATE INDEX notifications_unmailed ON notifications (mailed_at, id);
