package org.wargeys.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditLog;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.Transactions;

/** The saved revisions of articles: list, read, compare, restore. Thread-safe. */
public final class ArticleRevisions {

    private final Jdbi jdbi;
    private final Transactions transactions;
    private final ArticleService articles;
    private final AuditLog audit;

    ArticleRevisions(Jdbi jdbi, Transactions transactions, ArticleService articles, AuditLog audit) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.articles = articles;
        this.audit = audit;
    }

    /** Newest first. */
    public List<Revision> list(long articleId) {
        return jdbi.withHandle(h -> h.createQuery(select() + " WHERE article_id = :a ORDER BY revision DESC")
                .bind("a", articleId)
                .map((rs, ctx) -> map(rs))
                .list());
    }

    public Optional<Revision> find(long articleId, int number) {
        return jdbi.withHandle(h -> h.createQuery(select() + " WHERE article_id = :a AND revision = :r")
                .bind("a", articleId)
                .bind("r", number)
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    public Revision get(long articleId, int number) {
        return find(articleId, number)
                .orElseThrow(() -> new NotFoundException("No revision " + number + " of article " + articleId));
    }

    /** The line diff from one revision to another. */
    public List<TextDiff.Line> diff(long articleId, int from, int to) {
        return TextDiff.lines(get(articleId, from).asText(), get(articleId, to).asText());
    }

    /**
     * Saves an old revision's content as the newest revision (the history is kept, nothing is lost), in
     * one transaction with its audit line. Section, tags, bylines and everything else stay as they are.
     */
    public Article restore(long articleId, int number, int expectedRevision, Actor actor) {
        Revision old = get(articleId, number);
        Article current = articles.find(articleId);
        ArticleDetails details = articles.details(current);
        ArticleDraft draft = new ArticleDraft(
                current.language(),
                current.slug(),
                old.headline(),
                old.dateline(),
                old.standfirst(),
                old.bodyFormat(),
                old.body(),
                details.section().map(Section::key).orElse(null),
                details.tags().stream().map(Tag::key).toList(),
                details.authors().stream().map(Author::key).toList());
        Long image = articles.featuredImageId(articleId);
        ArticleEdit edit = new ArticleEdit(draft, current.seoTitle(), current.seoDescription(), image, null, null);
        return transactions.write(tx -> {
            Article restored = articles.save(articleId, expectedRevision, edit, actor);
            audit.record(
                    tx,
                    actor,
                    "article.restore",
                    ArticleService.target(restored),
                    "revision " + number + " saved as " + restored.revision());
            return restored;
        });
    }

    private static String select() {
        return "SELECT article_id, revision, headline, dateline_place, dateline_outlet, standfirst, body_format, body, saved_at, saved_by"
                + " FROM article_revisions";
    }

    private static Revision map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Revision(
                rs.getLong(1),
                rs.getInt(2),
                rs.getString(3),
                new Dateline(rs.getString(4), rs.getString(5)),
                rs.getString(6),
                BodyFormat.of(rs.getString(7)),
                rs.getString(8),
                Instant.ofEpochMilli(rs.getLong(9)),
                rs.getString(10));
    }
}
