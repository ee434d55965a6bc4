-- Pinned articles: an editor pins an article to the top of its language's home page (WordPress
-- calls these sticky posts). The flag is per article, so per language: each translation is pinned
-- on its own. A boolean is INTEGER 0/1 on both databases (see V0005).

ALTER TABLE articles ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1));

-- The home page reads a language's published articles pinned first, then newest first.
CREATE INDEX articles_home ON articles (language, status, pinned, published_at);
