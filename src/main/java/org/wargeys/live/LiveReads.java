package org.wargeys.live;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * What readers' pages, the poll answer, feeds and the composer read of live blogs: the coverage of a
 * group, a language's entries newest first by keyset ({@code thread_id < before}, never OFFSET, so the
 * thousandth entry costs what the first does), its key events, a translator's queue. Thread-safe.
 */
public final class LiveReads {

    private static final String BLOG = """
            SELECT b.translation_group_id, b.article_id, a.language, b.started_at, b.ended_at, b.show_originals
            FROM live_blogs b JOIN articles a ON a.id = b.article_id""";

    private static final String ENTRY = """
            SELECT e.id, e.article_id, e.language, e.source_entry_id, e.thread_id, e.body, e.body_html, e.quote,
                e.media_id, e.image_alt, e.key_event, e.author_id, e.author_name, e.posted_at, e.edited_at,
                CASE WHEN e.language = :lang THEN 0 ELSE 1 END AS original
            FROM live_entries e""";

    // A language's entries: its own, and (when the editor chose so) the source entries it lacks.
    private static final String VISIBLE = """
            e.translation_group_id = :g AND (e.language = :lang OR (:originals = 1 AND e.source_entry_id IS NULL
                AND NOT EXISTS (SELECT 1 FROM live_entries t WHERE t.source_entry_id = e.id AND t.language = :lang)))""";

    private final Jdbi jdbi;

    LiveReads(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Which of these translation groups have live coverage running now (for the lists' live marks). */
    public java.util.Set<Long> running(java.util.Collection<Long> translationGroupIds) {
        if (translationGroupIds.isEmpty()) return java.util.Set.of();
        return jdbi.withHandle(h -> h.createQuery("SELECT translation_group_id FROM live_blogs"
                        + " WHERE ended_at IS NULL AND translation_group_id IN (<groups>)")
                .bindList("groups", List.copyOf(translationGroupIds))
                .mapTo(Long.class)
                .collect(java.util.stream.Collectors.toSet()));
    }

    public Optional<LiveBlog> blog(long translationGroupId) {
        return jdbi.withHandle(h -> blog(h, translationGroupId));
    }

    Optional<LiveBlog> blog(Handle h, long translationGroupId) {
        return h.createQuery(BLOG + " WHERE b.translation_group_id = :g")
                .bind("g", translationGroupId)
                .map(LiveReads::blogRow)
                .findOne();
    }

    /** The newest entries of a language older than {@code before} (null: from the newest). */
    public List<LiveEntry> entries(LiveBlog blog, String language, Long before, int limit) {
        return jdbi.withHandle(h -> h.createQuery(ENTRY + " WHERE " + VISIBLE
                        + " AND e.thread_id < :before ORDER BY e.thread_id DESC LIMIT :limit")
                .bind("g", blog.translationGroupId())
                .bind("lang", language)
                .bind("originals", blog.showOriginals() ? 1 : 0)
                .bind("before", before == null ? Long.MAX_VALUE : before)
                .bind("limit", limit)
                .map(LiveReads::entryRow)
                .list());
    }

    /** The newest key events of a language (the summary at the top of the page). */
    public List<LiveEntry> keyEvents(LiveBlog blog, String language, int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        ENTRY + " WHERE " + VISIBLE + " AND e.key_event = 1 ORDER BY e.thread_id DESC LIMIT :limit")
                .bind("g", blog.translationGroupId())
                .bind("lang", language)
                .bind("originals", blog.showOriginals() ? 1 : 0)
                .bind("limit", limit)
                .map(LiveReads::entryRow)
                .list());
    }

    /** When the language's page last changed: its newest post or edit, else the start of the coverage. */
    public Instant lastUpdate(LiveBlog blog, String language) {
        Long last = jdbi.withHandle(h -> h.createQuery(
                        "SELECT MAX(COALESCE(e.edited_at, e.posted_at)) FROM live_entries e WHERE " + VISIBLE)
                .bind("g", blog.translationGroupId())
                .bind("lang", language)
                .bind("originals", blog.showOriginals() ? 1 : 0)
                .mapTo(Long.class)
                .findOne()
                .orElse(null));
        Instant at = last == null ? blog.startedAt() : Instant.ofEpochMilli(last);
        return blog.endedAt() != null && blog.endedAt().isAfter(at) ? blog.endedAt() : at;
    }

    /** The source entries not yet translated into the language, oldest first (the translator's queue). */
    public List<LiveEntry> queue(LiveBlog blog, String language) {
        return jdbi.withHandle(h -> h.createQuery(ENTRY + """
                         WHERE e.translation_group_id = :g AND e.source_entry_id IS NULL AND e.language <> :lang
                            AND NOT EXISTS (SELECT 1 FROM live_entries t WHERE t.source_entry_id = e.id AND t.language = :lang)
                        ORDER BY e.thread_id""")
                .bind("g", blog.translationGroupId())
                .bind("lang", language)
                .map(LiveReads::entryRow)
                .list());
    }

    public Optional<LiveEntry> entry(long id) {
        return jdbi.withHandle(h -> entry(h, id));
    }

    Optional<LiveEntry> entry(Handle h, long id) {
        return h.createQuery(ENTRY + " WHERE e.id = :id")
                .bind("id", id)
                .bind("lang", "")
                .map((rs, ctx) -> {
                    LiveEntry e = entryRow(rs, ctx);
                    return new LiveEntry(
                            e.id(),
                            e.articleId(),
                            e.language(),
                            e.sourceEntryId(),
                            e.threadId(),
                            e.body(),
                            e.bodyHtml(),
                            e.quote(),
                            e.mediaId(),
                            e.imageAlt(),
                            e.keyEvent(),
                            e.authorId(),
                            e.authorName(),
                            e.postedAt(),
                            e.editedAt(),
                            false);
                })
                .findOne();
    }

    long groupOf(Handle h, long entryId) {
        return h.createQuery("SELECT translation_group_id FROM live_entries WHERE id = :id")
                .bind("id", entryId)
                .mapTo(Long.class)
                .one();
    }

    Optional<Long> translationOf(Handle h, long sourceEntryId, String language) {
        return h.createQuery("SELECT id FROM live_entries WHERE source_entry_id = :s AND language = :lang")
                .bind("s", sourceEntryId)
                .bind("lang", language)
                .mapTo(Long.class)
                .findOne();
    }

    private static LiveBlog blogRow(ResultSet rs, StatementContext ctx) throws SQLException {
        long ended = rs.getLong(5);
        boolean open = rs.wasNull();
        return new LiveBlog(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)),
                open ? null : Instant.ofEpochMilli(ended),
                rs.getInt(6) == 1);
    }

    private static LiveEntry entryRow(ResultSet rs, StatementContext ctx) throws SQLException {
        long source = rs.getLong(4);
        Long sourceId = rs.wasNull() ? null : source;
        long media = rs.getLong(9);
        Long mediaId = rs.wasNull() ? null : media;
        long author = rs.getLong(12);
        Long authorId = rs.wasNull() ? null : author;
        long edited = rs.getLong(15);
        Instant editedAt = rs.wasNull() ? null : Instant.ofEpochMilli(edited);
        return new LiveEntry(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                sourceId,
                rs.getLong(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                mediaId,
                rs.getString(10),
                rs.getInt(11) == 1,
                authorId,
                rs.getString(13),
                Instant.ofEpochMilli(rs.getLong(14)),
                editedAt,
                rs.getInt(16) == 1);
    }
}
