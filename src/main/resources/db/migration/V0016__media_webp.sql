-- Issue 19: beside each JPEG or PNG rendition, a WebP copy (same name, .webp), made when the encoder
-- could load. A boolean is INTEGER 0/1 on both databases (see V0005). Images uploaded before keep
-- their JPEG or PNG renditions only.
ALTER TABLE media ADD COLUMN webp INTEGER NOT NULL DEFAULT 0;
