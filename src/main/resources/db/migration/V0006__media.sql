-- Uploaded images. Only re-encoded renditions are kept on disk (the upload itself, with its EXIF and
-- GPS metadata, is never stored); one row per image, one text row per language for alt and caption.

CREATE TABLE media (
    id ${id},
    -- The rendition format: image/jpeg or image/png.
    content_type TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    -- Rendition widths on disk, comma-separated, ascending.
    widths TEXT NOT NULL,
    credit TEXT,
    uploaded_by TEXT NOT NULL,
    uploaded_at BIGINT NOT NULL
);

CREATE TABLE media_texts (
    media_id BIGINT NOT NULL REFERENCES media (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    alt TEXT NOT NULL,
    caption TEXT,
    PRIMARY KEY (media_id, language)
);

-- An article's featured image.
CREATE TABLE article_images (
    article_id BIGINT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    media_id BIGINT NOT NULL REFERENCES media (id)
);
