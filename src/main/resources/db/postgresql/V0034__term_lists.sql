-- Tag and author pages by keyset (issue 20, ADR 0012). A tag's or an author's published articles in
-- a language, newest first, went through the link table to the articles, and no index spanned the
-- order: the database read all the term's links and sorted them. The link tables now carry a copy of
-- the article's language, status and published_at, so one index per table serves the list in its
-- order, 21 rows at any depth.
--
-- The copy is the database's own business: triggers fill it when a link is written and follow the
-- article when it changes, so no writer (the editor, the importer, a merge, a restore) has to know.
-- SQLite has its own V0034 (the same columns, AFTER triggers: SQLite cannot change NEW).

ALTER TABLE article_tags ADD COLUMN language TEXT, ADD COLUMN status TEXT, ADD COLUMN published_at BIGINT;
ALTER TABLE article_authors ADD COLUMN language TEXT, ADD COLUMN status TEXT, ADD COLUMN published_at BIGINT;

UPDATE article_tags l SET language = a.language, status = a.status, published_at = a.published_at
FROM articles a WHERE a.id = l.article_id;
UPDATE article_authors l SET language = a.language, status = a.status, published_at = a.published_at
FROM articles a WHERE a.id = l.article_id;

-- The lists' indexes, in the lists' order. Their first column serves what the older (tag_id,
-- article_id) and (author_id, article_id) indexes served (a term's links for merges and deletes, the
-- foreign key checks); a link's own lookups use the primary keys (article_id, tag_id / author_id).
CREATE INDEX article_tags_by_tag_published ON article_tags (tag_id, language, status, published_at, article_id);
CREATE INDEX article_authors_by_author_published ON article_authors (author_id, language, status, published_at, article_id);
DROP INDEX article_tags_by_tag;
DROP INDEX article_authors_by_author;

-- Whatever a writer puts in a link's copy, or leaves out, the row is stored with its article's values.
CREATE FUNCTION article_link_copy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT a.language, a.status, a.published_at INTO NEW.language, NEW.status, NEW.published_at
    FROM articles a WHERE a.id = NEW.article_id;
    RETURN NEW;
END
$$;

CREATE TRIGGER article_tags_copy BEFORE INSERT OR UPDATE ON article_tags
FOR EACH ROW EXECUTE FUNCTION article_link_copy();
CREATE TRIGGER article_authors_copy BEFORE INSERT OR UPDATE ON article_authors
FOR EACH ROW EXECUTE FUNCTION article_link_copy();

-- An article published, taken down, rescheduled or moved to another language: its links follow, in
-- the writer's transaction. A save that rewrites the same values does not touch them.
CREATE FUNCTION article_links_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE article_tags SET language = NEW.language, status = NEW.status, published_at = NEW.published_at
    WHERE article_id = NEW.id;
    UPDATE article_authors SET language = NEW.language, status = NEW.status, published_at = NEW.published_at
    WHERE article_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER articles_listed_copy AFTER UPDATE OF language, status, published_at ON articles
FOR EACH ROW WHEN (OLD.language IS DISTINCT FROM NEW.language OR OLD.status IS DISTINCT FROM NEW.status
    OR OLD.published_at IS DISTINCT FROM NEW.published_at)
EXECUTE FUNCTION article_links_follow();
