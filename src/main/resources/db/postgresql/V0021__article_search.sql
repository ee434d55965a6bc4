-- The newsroom's article list searches headlines and standfirsts for parts of words (issue 14). A
-- LIKE '%word%' reads every row before it can say "nothing found"; pg_trgm's GIN indexes answer the
-- very same LIKE from the index. pg_trgm ships with PostgreSQL and is a trusted extension (13+), so
-- the site's owner may create it; where the role may not, the site still works (the list searches by
-- reading the rows, as before) and the log says why. SQLite has its own V0021 (FTS5 trigram).
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
    RAISE WARNING 'pg_trgm could not be created (%): the newsroom''s article search reads every row', SQLERRM;
END
$$;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE INDEX articles_headline_trgm ON articles USING gin (LOWER(headline) gin_trgm_ops);
        CREATE INDEX articles_standfirst_trgm ON articles USING gin (LOWER(standfirst) gin_trgm_ops);
    END IF;
END
$$;
