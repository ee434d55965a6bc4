-- Review before live (issue 14): a change to a published article that waits for an editor's approval.
-- The public page keeps showing the article as it is until an editor approves the change; approving
-- saves it as the article's next revision. base_revision is the revision the change was made from:
-- if the article was saved since, approving is refused (the editor sees the change on top of what is
-- live now). restored_from: the revision it brings back, when it comes from a restore.
-- edit: for an edit (not a restore), the whole edit as JSON (section, tags, bylines, search-engine
-- fields, image), applied as it was made; the content columns repeat its text for the diff.
-- decision: NULL while open; 'approved', 'rejected', or 'replaced' by a newer change to the same article.
CREATE TABLE article_pending_changes (
    id ${id},
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    base_revision INTEGER NOT NULL,
    restored_from INTEGER,
    headline TEXT NOT NULL,
    dateline_place TEXT,
    dateline_outlet TEXT,
    standfirst TEXT,
    body_format TEXT NOT NULL CHECK (body_format IN ('markdown', 'html')),
    body TEXT NOT NULL,
    edit TEXT,
    proposed_by TEXT NOT NULL,
    proposed_at BIGINT NOT NULL,
    decision TEXT CHECK (decision IN ('approved', 'rejected', 'replaced')),
    decided_by TEXT,
    decided_at BIGINT
);

CREATE INDEX article_pending_changes_open ON article_pending_changes (decision, proposed_at);
CREATE INDEX article_pending_changes_by_article ON article_pending_changes (article_id, decision);
