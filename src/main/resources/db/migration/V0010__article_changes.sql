-- The journal of what readers can see change: one row per article event (published, updated, taken
-- down, corrected, imported), written in the same transaction as the change. The search index keeps
-- the highest id it has applied and replays the rest on start, on a schedule and after a lost line to
-- the other nodes, so a crash between a commit and the index write never leaves the index behind.
-- Old rows are pruned; an index older than the journal is rebuilt whole.
CREATE TABLE article_changes (
    id ${id},
    article_id BIGINT NOT NULL,
    changed_at BIGINT NOT NULL
);

CREATE INDEX article_changes_by_time ON article_changes (changed_at);
