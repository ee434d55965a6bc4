-- The newsroom's article list searches headlines and standfirsts for parts of words (issue 14). A
-- LIKE '%word%' reads every row before it can say "nothing found" (362 ms at 100,000 articles); a
-- trigram full-text index answers from the index. It keeps its own copy of the two short columns (a
-- plain FTS5 table, not external content: a missed 'delete' there corrupts the index), kept in step by
-- triggers in the writer's own transaction. PostgreSQL has its own V0021 (pg_trgm indexes).
CREATE VIRTUAL TABLE article_search USING fts5(headline, standfirst, tokenize = 'trigram remove_diacritics 1');

INSERT INTO article_search (rowid, headline, standfirst)
SELECT id, headline, COALESCE(standfirst, '') FROM articles;

CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_search (rowid, headline, standfirst) VALUES (new.id, new.headline, COALESCE(new.standfirst, ''));
END;

CREATE TRIGGER article_search_update AFTER UPDATE OF headline, standfirst ON articles BEGIN
    DELETE FROM article_search WHERE rowid = old.id;
    INSERT INTO article_search (rowid, headline, standfirst) VALUES (new.id, new.headline, COALESCE(new.standfirst, ''));
END;

CREATE TRIGGER article_search_delete AFTER DELETE ON articles BEGIN
    DELETE FROM article_search WHERE rowid = old.id;
END;
