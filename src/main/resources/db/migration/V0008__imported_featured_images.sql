-- Featured images from WordPress (a post's _thumbnail_id names an attachment). An attachment that
-- serves as a featured image is added once to the media library (re-encoded renditions, as an upload
-- is) and stays linked to it while it names the same file, so importing again reuses the image.

-- What the library needs from the attachment: its alt text, its caption and their language.
ALTER TABLE media_files ADD COLUMN alt TEXT;
ALTER TABLE media_files ADD COLUMN caption TEXT;
ALTER TABLE media_files ADD COLUMN language TEXT;
ALTER TABLE media_files ADD COLUMN media_id BIGINT REFERENCES media (id);

-- The library image the import last made the article's featured image. A later import changes the
-- featured image only when the export names another one, so a choice made in the newsroom since
-- then is kept while WordPress's stays the same.
ALTER TABLE imported_items ADD COLUMN featured_media_id BIGINT REFERENCES media (id);
