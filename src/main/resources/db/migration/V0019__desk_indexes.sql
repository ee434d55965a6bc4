-- The indexes the newsroom's article list, dashboard and audit log page read from (issue 14). The
-- list is keyset-paginated: each sort reads its index from where the last page ended, so a page far
-- down 100,000 articles costs what the first does.

CREATE INDEX articles_by_updated ON articles (updated_at, id);
CREATE INDEX articles_by_status_updated ON articles (status, updated_at, id);
CREATE INDEX articles_by_language_updated ON articles (language, updated_at, id);
CREATE INDEX articles_by_published ON articles (published_at, id);
CREATE INDEX articles_by_created ON articles (created_at, id);
CREATE INDEX articles_by_headline ON articles (headline, id);
CREATE INDEX articles_by_section ON articles (section_id, updated_at, id);
CREATE INDEX article_authors_by_author ON article_authors (author_id, article_id);
CREATE INDEX article_origins_by_creator ON article_origins (created_by);
CREATE INDEX article_origins_by_source ON article_origins (source_article_id);
CREATE INDEX article_corrections_by_time ON article_corrections (corrected_at);

-- The audit log page filters by who and what; the desk asks who submitted an article, and when.
CREATE INDEX audit_log_by_actor ON audit_log (actor, at);
CREATE INDEX audit_log_by_target ON audit_log (target, action, at);
CREATE INDEX audit_log_by_action ON audit_log (action, at);
