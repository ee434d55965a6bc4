package org.wargeys.translation;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleOrigins;
import org.wargeys.article.ArticleRevisions;
import org.wargeys.article.ArticleService;
import org.wargeys.article.BodyBlocks;
import org.wargeys.article.BodyRenderer;
import org.wargeys.article.WordDiff;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditLog;
import org.wargeys.platform.Transactions;

/**
 * Keeps translations in step with their source: records which source revision a translation was made
 * from, tells which translations are outdated (the source was saved since), and shows the translator
 * what changed in the source since then. Thread-safe.
 */
public final class TranslationProgress {

    private final Jdbi jdbi;
    private final Transactions transactions;
    private final AuditLog audit;
    private final ArticleService articles;
    private final TranslationService translations;
    private final ArticleOrigins origins;
    private final ArticleRevisions revisions;
    private final BodyRenderer bodies;

    TranslationProgress(
            Jdbi jdbi,
            Transactions transactions,
            AuditLog audit,
            ArticleService articles,
            TranslationService translations,
            ArticleOrigins origins,
            ArticleRevisions revisions,
            BodyRenderer bodies) {
        this.bodies = bodies;
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.audit = audit;
        this.articles = articles;
        this.translations = translations;
        this.origins = origins;
        this.revisions = revisions;
    }

    /**
     * Starts a translation of the source into the language, remembering the source revision it starts
     * from; one transaction with its audit line.
     */
    public Article start(long sourceId, String language, Actor actor) {
        return transactions.write(tx -> {
            Article source = articles.find(sourceId);
            Article translation = translations.startTranslation(source, language, actor);
            origins.recordTranslation(tx.handle(), translation.id(), actor.userId(), source.id(), source.revision());
            audit.record(tx, actor, "article.translate", "article:" + translation.id(), "from article:" + source.id());
            return translation;
        });
    }

    /** Of the given articles, those whose source has been saved since they were brought up to date. */
    public Set<Long> outdated(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) return Set.of();
        return new HashSet<>(jdbi.withHandle(h -> h.createQuery("""
                        SELECT o.article_id FROM article_origins o JOIN articles s ON s.id = o.source_article_id
                        WHERE o.source_revision < s.revision AND o.article_id IN (<ids>)""")
                .bindList("ids", List.copyOf(articleIds))
                .mapTo(Long.class)
                .list()));
    }

    public boolean isOutdated(long articleId) {
        return outdated(List.of(articleId)).contains(articleId);
    }

    /**
     * A translation beside its source, block by block: for each row, the source block as it is now, what
     * it was when the translator last carried it over (with the word diff between the two), and the
     * translation's block. Rows whose source changed wait to be marked as carried over.
     *
     * @param sourceRevision the source revision the rows were computed from (a save made against an
     *     older one does not move the translation's state)
     * @param body the translation's blocks in row order (an empty block where a source block is new)
     */
    public record Workspace(
            Article source,
            int sourceRevision,
            List<Row> rows,
            String body,
            String headlineDiff,
            String standfirstDiff) {
        /** Row numbers of the headline and the standfirst, for their "carried over" marks. */
        public static final int HEADLINE = -1;

        public static final int STANDFIRST = -2;

        /** True when something in the source changed since the translator last carried it over. */
        public boolean outdated() {
            return changedRows() > 0;
        }

        public long changedRows() {
            return rows.stream().filter(r -> r.state() != RowState.SAME).count()
                    + (headlineDiff == null ? 0 : 1)
                    + (standfirstDiff == null ? 0 : 1);
        }
    }

    /** How a source block stands against what the translation was made from. */
    public enum RowState {
        /** Unchanged since it was translated (or since the translation started). */
        SAME,
        /** Edited in the source since. */
        CHANGED,
        /** New in the source: nothing translated for it yet. */
        ADDED,
        /** Gone from the source: its translation should go too. */
        REMOVED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One row of the workspace.
     *
     * @param source the source block now (null for a removed one)
     * @param diffHtml the word diff from the block as translated to the block now (HTML), or null if same
     */
    public record Row(int index, RowState state, BodyBlocks.Block source, String diffHtml) {}

    /** The workspace of a translation; empty if the article is not one or its source is gone. */
    public Optional<Workspace> workspace(Article translation) {
        return origins.find(translation.id())
                .filter(ArticleOrigins.Origin::isTranslation)
                .flatMap(origin -> source(origin).map(source -> workspace(translation, origin, source)));
    }

    private Optional<Article> source(ArticleOrigins.Origin origin) {
        try {
            return Optional.of(articles.find(origin.sourceArticleId()));
        } catch (org.wargeys.platform.NotFoundException gone) {
            return Optional.empty();
        }
    }

    private Workspace workspace(Article translation, ArticleOrigins.Origin origin, Article source) {
        List<BodyBlocks.Block> now = BodyBlocks.of(bodies.editable(source.bodyFormat(), source.body()));
        List<BodyBlocks.Block> then = translatedFrom(translation, origin, source, now);
        List<BodyBlocks.Block> target = BodyBlocks.of(bodies.editable(translation.bodyFormat(), translation.body()));
        List<Row> rows = new java.util.ArrayList<>();
        StringBuilder body = new StringBuilder();
        int t = 0;
        for (BodyBlocks.Row r : BodyBlocks.align(then, now)) {
            RowState state = r.before() == null
                    ? RowState.ADDED
                    : r.after() == null ? RowState.REMOVED : r.changed() ? RowState.CHANGED : RowState.SAME;
            rows.add(new Row(
                    rows.size(),
                    state,
                    r.after() == null ? r.before() : r.after(),
                    state == RowState.SAME ? null : r.diffHtml()));
            if (r.before() != null && t < target.size())
                body.append(target.get(t++).html());
            else body.append(Skeleton.empty(r.after() == null ? r.before() : r.after()));
        }
        // Blocks the translator added beyond the source's: kept, after the rest.
        while (t < target.size()) body.append(target.get(t++).html());
        String headlineDiff = null;
        String standfirstDiff = null;
        if (origin.sourceRevision() != null && origin.sourceRevision() < source.revision()) {
            var old = revisions.find(source.id(), origin.sourceRevision());
            if (old.isPresent()) {
                headlineDiff = diff(old.get().headline(), source.headline());
                standfirstDiff = diff(old.get().standfirst(), source.standfirst());
            }
        }
        return new Workspace(
                source, source.revision(), List.copyOf(rows), body.toString(), headlineDiff, standfirstDiff);
    }

    // The word diff as HTML, or null when the texts are the same.
    private static String diff(String before, String after) {
        String a = before == null ? "" : before;
        String b = after == null ? "" : after;
        return a.equals(b) ? null : WordDiff.html(WordDiff.diff(a, b));
    }

    /**
     * The source blocks the translation's blocks were translated from: as recorded block by block, else
     * (a translation from before blocks were recorded) the source at the revision it reflects, else the
     * source now.
     */
    private List<BodyBlocks.Block> translatedFrom(
            Article translation, ArticleOrigins.Origin origin, Article source, List<BodyBlocks.Block> now) {
        List<String> segments = origins.segments(translation.id());
        if (!segments.isEmpty()) {
            return segments.stream()
                    .map(html -> html.isEmpty()
                            ? new BodyBlocks.Block("p", "", "")
                            : BodyBlocks.of(html).stream().findFirst().orElse(new BodyBlocks.Block("p", html, "")))
                    .toList();
        }
        if (origin.sourceRevision() != null && origin.sourceRevision() < source.revision()) {
            var old = revisions.find(source.id(), origin.sourceRevision());
            if (old.isPresent())
                return BodyBlocks.of(
                        bodies.editable(old.get().bodyFormat(), old.get().body()));
        }
        return now;
    }

    /**
     * What a save of the workspace records: the body as the translator left it, minus the blocks whose
     * removal from the source they carried over; for each remaining block the source block it now
     * translates; and the source revision, once every changed row is carried over.
     *
     * @param carried the rows the translator marked as carried over
     * @param all true when they marked the whole translation as carried over
     */
    public record CarriedOver(String body, List<String> segments, Integer sourceRevision) {}

    /**
     * Applies the translator's "carried over" marks to a saved workspace. If the posted body no longer
     * has one block per row (edited outside the workspace) or the source changed since the workspace
     * was shown, only the body is kept: the rows will be shown again.
     */
    public CarriedOver carryOver(
            Article translation,
            String postedBody,
            int sourceRevisionSeen,
            java.util.Set<Integer> carried,
            boolean all) {
        Optional<Workspace> found = workspace(translation);
        if (found.isEmpty()) return new CarriedOver(postedBody, null, null);
        Workspace w = found.get();
        List<BodyBlocks.Block> blocks = BodyBlocks.of(postedBody);
        if (w.sourceRevision() != sourceRevisionSeen || blocks.size() < w.rows().size()) {
            return new CarriedOver(
                    postedBody, null, all && w.sourceRevision() == sourceRevisionSeen ? w.sourceRevision() : null);
        }
        List<BodyBlocks.Block> kept = new java.util.ArrayList<>();
        List<String> segments = new java.util.ArrayList<>();
        List<String> before = segmentsBefore(translation, w);
        boolean pending = false;
        for (Row row : w.rows()) {
            BodyBlocks.Block block = blocks.get(row.index());
            boolean done = all || carried.contains(row.index());
            switch (row.state()) {
                case SAME -> {
                    kept.add(block);
                    segments.add(row.source().html());
                }
                case CHANGED, ADDED -> {
                    kept.add(block);
                    segments.add(done ? row.source().html() : before.get(row.index()));
                    pending |= !done;
                }
                case REMOVED -> {
                    if (!done) {
                        kept.add(block);
                        segments.add(row.source().html());
                        pending = true;
                    }
                }
            }
        }
        for (int i = w.rows().size(); i < blocks.size(); i++) {
            kept.add(blocks.get(i));
            segments.add("");
        }
        pending |= !all && w.headlineDiff() != null && !carried.contains(Workspace.HEADLINE);
        pending |= !all && w.standfirstDiff() != null && !carried.contains(Workspace.STANDFIRST);
        return new CarriedOver(BodyBlocks.join(kept), segments, pending ? null : w.sourceRevision());
    }

    // What each row was translated from, as recorded ("" for a block never translated).
    private List<String> segmentsBefore(Article translation, Workspace w) {
        ArticleOrigins.Origin origin = origins.find(translation.id()).orElseThrow();
        List<BodyBlocks.Block> now = BodyBlocks.of(
                bodies.editable(w.source().bodyFormat(), w.source().body()));
        List<BodyBlocks.Block> then = translatedFrom(translation, origin, w.source(), now);
        List<String> out = new java.util.ArrayList<>();
        for (BodyBlocks.Row r : BodyBlocks.align(then, now))
            out.add(r.before() == null ? "" : r.before().html());
        return out;
    }
}
