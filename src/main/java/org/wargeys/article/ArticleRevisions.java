package org.wargeys.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditLog;
import org.wargeys.platform.ConflictException;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.Site;
import org.wargeys.platform.Transactions;
import org.wargeys.platform.Tx;

/**
 * The saved revisions of articles: list, read, compare, restore; and the changes to live articles
 * that wait for an editor's approval (a restore of a published article is one: readers keep seeing
 * the article as it is until an editor approves). Thread-safe.
 */
public final class ArticleRevisions {

    private final Jdbi jdbi;
    private final Transactions transactions;
    private final ArticleService articles;
    private final AuditLog audit;
    // Edits waiting for approval are kept as JSON (records: their components, by name; derived
    // properties such as Dateline.isEmpty() are written too and ignored on the way back).
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Clock clock;
    private final Site site;
    private final PendingChangeRepository pending = new PendingChangeRepository();

    ArticleRevisions(
            Jdbi jdbi, Transactions transactions, ArticleService articles, AuditLog audit, Clock clock, Site site) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.articles = articles;
        this.audit = audit;
        this.clock = clock;
        this.site = site;
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

    /** The word diff from one revision to another. */
    public List<WordDiff.Piece> wordDiff(long articleId, int from, int to) {
        return WordDiff.diff(get(articleId, from).asText(), get(articleId, to).asText());
    }

    /**
     * Makes a change waiting for approval from an old revision of a published article; the public page
     * stays as it is. A change already waiting on the article is replaced by this one. Refused
     * ({@link EditConflictException}) if the article was saved since {@code expectedRevision}.
     */
    public PendingChange proposeRestore(long articleId, int number, int expectedRevision, Actor actor) {
        Revision old = get(articleId, number);
        Instant now = clock.instant();
        return transactions.write(tx -> {
            Handle h = tx.handle();
            Article current = articles.find(articleId);
            if (revisionOf(h, articleId) != expectedRevision)
                throw new EditConflictException(articleId, expectedRevision);
            pending.open(h, articleId).ifPresent(p -> pending.decide(h, p.id(), "replaced", actor.name(), now));
            pending.insert(h, old, expectedRevision, number, null, actor.name(), now);
            audit.record(tx, actor, "article.propose_change", ArticleService.target(current), String.valueOf(number));
            return proposed(tx, articleId, actor);
        });
    }

    /**
     * Makes a change waiting for approval from an edit of a published article (an author's or a
     * translator's: editors save directly); the public page stays as it is. The edit is checked as a
     * save would check it, and kept whole (section, tags, bylines and the rest are applied on approval).
     * A change already waiting is replaced. Refused if the article was saved since {@code expectedRevision}.
     */
    public PendingChange proposeEdit(long articleId, int expectedRevision, ArticleEdit edit, Actor actor) {
        ArticleRules.check(edit, site);
        ArticleDraft d = edit.draft();
        Instant now = clock.instant();
        Revision content = new Revision(
                articleId,
                expectedRevision,
                d.headline(),
                d.dateline() == null ? Dateline.NONE : d.dateline(),
                d.standfirst(),
                d.bodyFormat() == null ? BodyFormat.MARKDOWN : d.bodyFormat(),
                d.body(),
                now,
                null);
        String json;
        try {
            json = JSON.writeValueAsString(edit);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return transactions.write(tx -> {
            Handle h = tx.handle();
            Article current = articles.find(articleId);
            if (revisionOf(h, articleId) != expectedRevision)
                throw new EditConflictException(articleId, expectedRevision);
            pending.open(h, articleId).ifPresent(p -> pending.decide(h, p.id(), "replaced", actor.name(), now));
            pending.insert(h, content, expectedRevision, null, json, actor.name(), now);
            audit.record(tx, actor, "article.propose_edit", ArticleService.target(current), null);
            return proposed(tx, articleId, actor);
        });
    }

    private PendingChange proposed(Tx tx, long articleId, Actor actor) {
        PendingChange change = pending.open(tx.handle(), articleId).orElseThrow();
        tx.announce(new ArticleChangeProposed(articleId, change.id(), actor.userId()));
        return change;
    }

    /** The change waiting for approval on this article, if there is one. */
    public Optional<PendingChange> pending(long articleId) {
        return jdbi.withHandle(h -> pending.open(h, articleId));
    }

    /** The changes waiting for approval, longest waiting first (the desk's review queue). */
    public List<PendingChange> pendingQueue(int limit) {
        return jdbi.withHandle(h -> pending.queue(h, limit));
    }

    /**
     * Approves a waiting change: saved over the article as its next revision (live at once, as an
     * editor's save is), in one transaction with the decision. Refused if the change was decided
     * meanwhile ({@link ConflictException}), or if the article was saved since the change was made
     * ({@link EditConflictException}: the editor is shown what is live now).
     */
    public Article approve(long articleId, long changeId, Actor actor) {
        PendingChange change = openChange(articleId, changeId);
        ArticleEdit proposed = editOf(changeId);
        Article current = articles.find(articleId);
        ArticleDetails details = articles.details(current);
        ArticleDraft draft = new ArticleDraft(
                current.language(),
                current.slug(),
                change.headline(),
                change.dateline(),
                change.standfirst(),
                change.bodyFormat(),
                change.body(),
                details.section().map(Section::key).orElse(null),
                details.tags().stream().map(Tag::key).toList(),
                details.authors().stream().map(Author::key).toList());
        Long image = articles.featuredImageId(articleId);
        ArticleEdit edit = proposed != null
                ? proposed
                : new ArticleEdit(draft, current.seoTitle(), current.seoDescription(), image, null, null);
        Instant now = clock.instant();
        return transactions.write(tx -> {
            if (!pending.decide(tx.handle(), changeId, "approved", actor.name(), now)) {
                throw new ConflictException("article.error.change_decided");
            }
            Article saved = articles.save(articleId, change.baseRevision(), edit, actor);
            audit.record(
                    tx,
                    actor,
                    "article.approve_change",
                    ArticleService.target(saved),
                    String.valueOf(saved.revision()));
            return saved;
        });
    }

    /** Turns a waiting change down: the article stays as it is. */
    public void reject(long articleId, long changeId, Actor actor) {
        openChange(articleId, changeId);
        Article current = articles.find(articleId);
        Instant now = clock.instant();
        transactions.write(tx -> {
            if (!pending.decide(tx.handle(), changeId, "rejected", actor.name(), now)) {
                throw new ConflictException("article.error.change_decided");
            }
            audit.record(tx, actor, "article.reject_change", ArticleService.target(current), null);
            return null;
        });
    }

    private ArticleEdit editOf(long changeId) {
        String json = jdbi.withHandle(h -> pending.edit(h, changeId));
        if (json == null) return null;
        try {
            return JSON.readValue(json, ArticleEdit.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A waiting change that cannot be read: " + changeId, e);
        }
    }

    private PendingChange openChange(long articleId, long changeId) {
        PendingChange change =
                pending(articleId).orElseThrow(() -> new ConflictException("article.error.change_decided"));
        if (change.id() != changeId) throw new ConflictException("article.error.change_decided");
        return change;
    }

    private static int revisionOf(Handle h, long articleId) {
        return h.createQuery("SELECT revision FROM articles WHERE id = :a")
                .bind("a", articleId)
                .mapTo(Integer.class)
                .findOne()
                .orElseThrow(() -> new NotFoundException("No article " + articleId));
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
