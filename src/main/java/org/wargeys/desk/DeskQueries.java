package org.wargeys.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * What the desk (the newsroom's dashboard) asks of the database: which articles are in review and who
 * submitted them when, which were returned to their writer, what is scheduled, just published or
 * corrected, and which translations are missing or behind. Each answer is a short, bounded list of
 * article ids in the order to show them; the newsroom reads the articles for a page in one go.
 * Thread-safe.
 */
public final class DeskQueries {

    /** An article in review, who submitted it and when (null when the log does not say: an import). */
    public record InReview(long articleId, String submittedBy, Instant submittedAt) {}

    /** An article returned to draft, by whom and when. */
    public record Returned(long articleId, String returnedBy, Instant returnedAt) {}

    /** A correction, with its article. */
    public record CorrectionLine(long articleId, String note, Instant at, String by) {}

    private final Jdbi jdbi;

    DeskQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Articles in review, the longest waiting first. */
    public List<InReview> reviewQueue(int limit) {
        List<InReview> queue = jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.id,
                            (SELECT l.actor FROM audit_log l WHERE l.target = 'article:' || a.id
                                AND l.action = 'article.submit' ORDER BY l.at DESC, l.id DESC LIMIT 1),
                            (SELECT MAX(l.at) FROM audit_log l WHERE l.target = 'article:' || a.id
                                AND l.action = 'article.submit'),
                            a.updated_at
                        FROM articles a WHERE a.status = 'in_review' ORDER BY a.updated_at, a.id LIMIT :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> {
                    long at = rs.getLong(3);
                    boolean unknown = rs.wasNull();
                    return new InReview(rs.getLong(1), rs.getString(2), unknown ? null : Instant.ofEpochMilli(at));
                })
                .list());
        List<InReview> sorted = new ArrayList<>(queue);
        sorted.sort(Comparator.comparing(InReview::submittedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        return sorted;
    }

    /** A staff member's drafts, the latest edited first (those returned to them included). */
    public List<Long> drafts(long userId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.id FROM articles a JOIN article_origins o ON o.article_id = a.id
                        WHERE o.created_by = :u AND a.status = 'draft' ORDER BY a.updated_at DESC, a.id DESC LIMIT :limit""")
                .bind("u", userId)
                .bind("limit", limit)
                .mapTo(Long.class)
                .list());
    }

    /** A staff member's drafts that an editor returned to them, the latest returned first. */
    public List<Returned> returned(long userId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.id, l.actor, l.at FROM articles a
                        JOIN article_origins o ON o.article_id = a.id
                        JOIN audit_log l ON l.target = 'article:' || a.id AND l.action = 'article.return-to-draft'
                        WHERE o.created_by = :u AND a.status = 'draft'
                        AND l.at = (SELECT MAX(m.at) FROM audit_log m WHERE m.target = l.target AND m.action = l.action)
                        ORDER BY l.at DESC LIMIT :limit""")
                .bind("u", userId)
                .bind("limit", limit)
                .map((rs, ctx) -> new Returned(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))))
                .list());
    }

    /** Scheduled articles, the soonest first. */
    public List<Long> scheduled(int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id FROM articles WHERE status = 'scheduled' ORDER BY scheduled_at, id LIMIT :limit")
                .bind("limit", limit)
                .mapTo(Long.class)
                .list());
    }

    /** The latest published articles. */
    public List<Long> recentlyPublished(int limit) {
        return jdbi.withHandle(
                h -> h.createQuery("""
                        SELECT id FROM articles WHERE status = 'published' AND published_at IS NOT NULL
                        ORDER BY published_at DESC, id DESC LIMIT :limit""").bind("limit", limit).mapTo(Long.class).list());
    }

    /**
     * Published articles in their group's source language with no article yet in {@code language},
     * the latest first: what a translator into it could start.
     */
    public List<Long> missingIn(String language, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.id FROM articles a JOIN translation_groups g ON g.id = a.translation_group_id
                        WHERE a.status = 'published' AND a.language = g.source_language AND a.language <> :lang
                        AND NOT EXISTS (SELECT 1 FROM articles t WHERE t.translation_group_id = a.translation_group_id
                            AND t.language = :lang)
                        ORDER BY a.published_at DESC, a.id DESC LIMIT :limit""")
                .bind("lang", language)
                .bind("limit", limit)
                .mapTo(Long.class)
                .list());
    }

    /** Translations into these languages whose source changed since, the latest changed source first. */
    public List<Long> outdatedIn(List<String> languages, int limit) {
        if (languages.isEmpty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT t.id FROM article_origins o JOIN articles s ON s.id = o.source_article_id
                        JOIN articles t ON t.id = o.article_id
                        WHERE o.source_revision < s.revision AND t.language IN (<langs>)
                        ORDER BY s.updated_at DESC, t.id DESC LIMIT :limit""")
                .bindList("langs", languages)
                .bind("limit", limit)
                .mapTo(Long.class)
                .list());
    }

    /** Corrections added since a time, the latest first. */
    public List<CorrectionLine> correctionsSince(Instant since, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT article_id, note, corrected_at, added_by FROM article_corrections
                        WHERE corrected_at >= :since ORDER BY corrected_at DESC, id DESC LIMIT :limit""")
                .bind("since", since.toEpochMilli())
                .bind("limit", limit)
                .map((rs, ctx) -> new CorrectionLine(
                        rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4)))
                .list());
    }
}
