-- Keyset pagination (issue 20): archive pages, sitemaps and the search reindex read published
-- articles newest (or oldest) first from a cursor, LIMIT n + 1 rows straight from an index, on page
-- 5,000 as on page 1. Each list gets an index whose order is the list's order, ending in (published_at, id).

-- A language's published articles (period archives, the latest list, feeds, sitemaps); it replaces
-- articles_latest, a prefix of it.
CREATE INDEX articles_by_language_published ON articles (language, status, published_at, id);
DROP INDEX articles_latest;

-- A section's published articles in a language.
CREATE INDEX articles_by_section_published ON articles (section_id, language, status, published_at, id);

-- A tag's articles: the link table had only (article_id, tag_id); a tag page read all of it.
CREATE INDEX article_tags_by_tag ON article_tags (tag_id, article_id);
