-- The sitemap index (issue 20): the latest change within each slice of 50,000 of a language's
-- published articles is one ordered pass over that language's index, which must then also hold
-- updated_at; without it the pass fetched every article's row (a million articles: 7 s a language).
-- Same columns and order as articles_by_language_published (V0028), plus updated_at at the end.
CREATE INDEX articles_by_language_published_changed ON articles (language, status, published_at, id, updated_at);
DROP INDEX articles_by_language_published;
