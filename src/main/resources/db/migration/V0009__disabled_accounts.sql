-- Disabled staff accounts: when a journalist leaves, an administrator disables the account instead
-- of deleting it, so that its articles, bylines, revisions and audit lines keep pointing at it.
-- NULL while the account is active; otherwise when it was disabled (UTC epoch milliseconds). A
-- disabled account cannot sign in and has no sessions.

ALTER TABLE users ADD COLUMN disabled_at BIGINT;
