-- The X (Twitter) account of a person or desk credited in bylines, without the @ (issue 15): article
-- pages name it as twitter:creator, so a shared link credits its author. NULL when they have none.
ALTER TABLE authors ADD COLUMN x_handle TEXT;
