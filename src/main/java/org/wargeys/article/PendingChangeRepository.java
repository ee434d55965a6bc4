package org.wargeys.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The table of changes waiting for approval ({@code article_pending_changes}). */
final class PendingChangeRepository {

    private static final String COLUMNS = "id, article_id, base_revision, restored_from, headline, dateline_place,"
            + " dateline_outlet, standfirst, body_format, body, proposed_by, proposed_at";

    /** A waiting change with this content; {@code edit} the whole edit as JSON, or null for a restore. */
    long insert(
            Handle h, Revision content, int baseRevision, Integer restoredFrom, String edit, String by, Instant at) {
        return h.createQuery("INSERT INTO article_pending_changes (article_id, base_revision, restored_from, headline,"
                        + " dateline_place, dateline_outlet, standfirst, body_format, body, edit, proposed_by,"
                        + " proposed_at) VALUES (:a, :base, :from, :headline, :place, :outlet, :standfirst, :format,"
                        + " :body, :edit, :by, :at) RETURNING id")
                .bind("a", content.articleId())
                .bind("base", baseRevision)
                .bind("from", restoredFrom)
                .bind("headline", content.headline())
                .bind("place", content.dateline().place())
                .bind("outlet", content.dateline().outlet())
                .bind("standfirst", content.standfirst())
                .bind("format", content.bodyFormat().code())
                .bind("body", content.body())
                .bind("edit", edit)
                .bind("by", by)
                .bind("at", at.toEpochMilli())
                .mapTo(Long.class)
                .one();
    }

    Optional<PendingChange> open(Handle h, long articleId) {
        return h.createQuery("SELECT " + COLUMNS
                        + " FROM article_pending_changes WHERE article_id = :a AND decision IS NULL ORDER BY id DESC")
                .bind("a", articleId)
                .map((rs, ctx) -> map(rs))
                .findFirst();
    }

    /** The open changes, longest waiting first. */
    List<PendingChange> queue(Handle h, int limit) {
        return h.createQuery("SELECT " + COLUMNS
                        + " FROM article_pending_changes WHERE decision IS NULL ORDER BY proposed_at, id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> map(rs))
                .list();
    }

    /** The whole edit a waiting change holds (JSON), or null for a restore. */
    String edit(Handle h, long id) {
        return h.createQuery("SELECT edit FROM article_pending_changes WHERE id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne()
                .orElse(null);
    }

    /** Closes an open change; false when it was no longer open (decided meanwhile). */
    boolean decide(Handle h, long id, String decision, String by, Instant at) {
        return h.createUpdate("UPDATE article_pending_changes SET decision = :d, decided_by = :by, decided_at = :at"
                                + " WHERE id = :id AND decision IS NULL")
                        .bind("d", decision)
                        .bind("by", by)
                        .bind("at", at.toEpochMilli())
                        .bind("id", id)
                        .execute()
                == 1;
    }

    private static PendingChange map(ResultSet rs) throws SQLException {
        Integer from = rs.getObject(4) == null ? null : rs.getInt(4);
        return new PendingChange(
                rs.getLong(1),
                rs.getLong(2),
                rs.getInt(3),
                from,
                rs.getString(5),
                new Dateline(rs.getString(6), rs.getString(7)),
                rs.getString(8),
                BodyFormat.of(rs.getString(9)),
                rs.getString(10),
                rs.getString(11),
                Instant.ofEpochMilli(rs.getLong(12)));
    }
}
