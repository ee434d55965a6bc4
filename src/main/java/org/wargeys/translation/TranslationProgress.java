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
import org.wargeys.article.TextDiff;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditLog;
import org.wargeys.platform.Transactions;

/**
 * Keeps translations in step with their source: records which source revision a translation was made
 * from, tells which translations are outdated (the source was saved since), and shows the translator
 * what changed in the source since then. Thread-safe.
 */
public final class TranslationProgress {

    /** What changed in a translation's source since the revision the translation reflects. */
    public record SourceChanges(Article source, int fromRevision, int toRevision, List<TextDiff.Line> diff) {}

    private final Jdbi jdbi;
    private final Transactions transactions;
    private final AuditLog audit;
    private final ArticleService articles;
    private final TranslationService translations;
    private final ArticleOrigins origins;
    private final ArticleRevisions revisions;

    TranslationProgress(
            Jdbi jdbi,
            Transactions transactions,
            AuditLog audit,
            ArticleService articles,
            TranslationService translations,
            ArticleOrigins origins,
            ArticleRevisions revisions) {
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

    /** The source's changes since the translation was last brought up to date; empty if it is not a translation. */
    public Optional<SourceChanges> sourceChanges(long translationId) {
        return origins.find(translationId)
                .filter(ArticleOrigins.Origin::isTranslation)
                .flatMap(origin -> {
                    Optional<Article> source = Optional.ofNullable(origin.sourceArticleId())
                            .flatMap(id -> {
                                try {
                                    return Optional.of(articles.find(id));
                                } catch (org.wargeys.platform.NotFoundException gone) {
                                    return Optional.empty();
                                }
                            });
                    return source.map(s -> new SourceChanges(
                            s,
                            origin.sourceRevision(),
                            s.revision(),
                            origin.sourceRevision() >= s.revision()
                                    ? List.of()
                                    : revisions.diff(s.id(), origin.sourceRevision(), s.revision())));
                });
    }
}
