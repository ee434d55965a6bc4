-- A change proposed to a published article (review before live, issue 14) rings the editors' bell:
-- a new notification kind. SQLite's V0022 rebuilds the table; here the CHECK constraint is swapped.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('submitted', 'returned',
    'published', 'assigned', 'mentioned', 'translation_outdated', 'change_proposed'));
