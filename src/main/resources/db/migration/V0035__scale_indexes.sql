-- The sitemap index (issue 20): the latest change within each slice of 50,000 of a language's
-- published articles is one ordered pass over that language's index, which must then also hold
-- updated_at; without it the pass fetched every article's row (a million articles: 7 s a language).
-- Same columns and order as articles_by_language_published (V0028), plus updated_at at the end.
CREATE INDEX articles_by_language_published_changed ON articles (language, status, published_at, id, updated_at);
DROP INDEX articles_by_language_published;

-- The newest published articles of every language (the news sitemap, its lastmod): the only index
-- on status was (status, updated_at), so the database sorted every published article for them
-- (a million: 3 s a read).
CREATE INDEX articles_by_status_published ON articles (status, published_at, id);
