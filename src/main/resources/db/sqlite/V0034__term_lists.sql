-- Tag and author pages by keyset (issue 20, ADR 0012). A tag's or an author's published articles in
-- a language, newest first, went through the link table to the articles, and no index spanned the
-- order: SQLite walked every published article of the language probing the link table (a tag on two
-- articles cost 115-586 ms at a million articles). The link tables now carry a copy of the article's
-- language, status and published_at, so one index per table serves the list in its order, 21 rows
-- at any depth.
--
-- The copy is the database's own business: triggers fill it when a link is written and follow the
-- article when it changes, so no writer (the editor, the importer, a merge, a restore) has to know.
-- PostgreSQL has its own V0034 (the same columns, BEFORE triggers).

ALTER TABLE article_tags ADD COLUMN language TEXT;
ALTER TABLE article_tags ADD COLUMN status TEXT;
ALTER TABLE article_tags ADD COLUMN published_at BIGINT;
ALTER TABLE article_authors ADD COLUMN language TEXT;
ALTER TABLE article_authors ADD COLUMN status TEXT;
ALTER TABLE article_authors ADD COLUMN published_at BIGINT;

UPDATE article_tags SET (language, status, published_at) =
    (SELECT a.language, a.status, a.published_at FROM articles a WHERE a.id = article_tags.article_id);
UPDATE article_authors SET (language, status, published_at) =
    (SELECT a.language, a.status, a.published_at FROM articles a WHERE a.id = article_authors.article_id);

-- The lists' indexes, in the lists' order. Their first column serves what the older (tag_id,
-- article_id) and (author_id, article_id) indexes served (a term's links for merges and deletes, the
-- foreign key checks); a link's own lookups use the primary keys (article_id, tag_id / author_id).
CREATE INDEX article_tags_by_tag_published ON article_tags (tag_id, language, status, published_at, article_id);
CREATE INDEX article_authors_by_author_published ON article_authors (author_id, language, status, published_at, article_id);
DROP INDEX article_tags_by_tag;
DROP INDEX article_authors_by_author;

-- A link written with no copy, or with a copy that is not its article's: the article's values. A
-- writer that carries the right copy (a restore) costs one lookup and no second write. SQLite cannot
-- change NEW, hence AFTER and an UPDATE of the row just written.
CREATE TRIGGER article_tags_copy AFTER INSERT ON article_tags
WHEN (new.language, new.status, new.published_at) IS NOT
    (SELECT a.language, a.status, a.published_at FROM articles a WHERE a.id = new.article_id)
BEGIN
    UPDATE article_tags SET (language, status, published_at) =
        (SELECT a.language, a.status, a.published_at FROM articles a WHERE a.id = new.article_id)
    WHERE article_id = new.article_id AND tag_id = new.tag_id;
END;

CREATE TRIGGER article_tags_recopy AFTER UPDATE OF article_id, language, status, published_at ON article_tags
WHEN (new.language, new.status, new.published_at) IS NOT
    (SELECT a.language, a.status, a.published_at FROM articles a WHERE a.id = new.article_id)
BEGIN
    UPDATE article_tags SET (language, status, published_at) =
        (SELECT a.language, a.status, a.published_at FROM articles a WHERE a.id = new.article_id)
    WHERE article_id = new.article_id AND tag_id = new.tag_id;
END;

CREATE TRIGGER article_authors_copy AFTER INSERT ON article_authors
WHEN (new.language, new.status, new.published_at) IS NOT
    (SELECT a.language, a.status, a.published_at FROM articles a WHERE a.id = new.article_id)
BEGIN
    UPDATE article_authors SET (language, status, published_at) =
        (SELECT a.language, a.status, a.published_at FROM articles a WHERE a.id = new.article_id)
    WHERE article_id = new.article_id AND author_id = new.author_id;
END;

CREATE TRIGGER article_authors_recopy AFTER UPDATE OF article_id, language, status, published_at ON article_authors
WHEN (new.language, new.status, new.published_at) IS NOT
    (SELECT a.language, a.status, a.published_at FROM articles a WHERE a.id = new.article_id)
BEGIN
    UPDATE article_authors SET (language, status, published_at) =
        (SELECT a.language, a.status, a.published_at FROM articles a WHERE a.id = new.article_id)
    WHERE article_id = new.article_id AND author_id = new.author_id;
END;

-- An article published, taken down, rescheduled or moved to another language: its links follow, on
-- the same statement (so in the writer's transaction). A save that rewrites the same values does not
-- touch them.
CREATE TRIGGER articles_listed_copy AFTER UPDATE OF language, status, published_at ON articles
WHEN new.language IS NOT old.language OR new.status IS NOT old.status OR new.published_at IS NOT old.published_at
BEGIN
    UPDATE article_tags SET language = new.language, status = new.status, published_at = new.published_at
    WHERE article_id = new.id;
    UPDATE article_authors SET language = new.language, status = new.status, published_at = new.published_at
    WHERE article_id = new.id;
END;
