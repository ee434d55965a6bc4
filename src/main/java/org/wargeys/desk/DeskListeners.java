package org.wargeys.desk;

import java.util.ArrayList;
import java.util.List;
import org.wargeys.article.ArticleChangeProposed;
import org.wargeys.article.ArticleSaved;
import org.wargeys.article.ArticleStepTaken;
import org.wargeys.platform.Tx;

/**
 * Who hears of what, decided on the transaction of the change itself: a submission tells the editors,
 * a return tells the writer, a publication tells the writer and whoever was assigned the article, a
 * source saved past a translation tells the translators of that language; a change proposed to a live
 * article tells the editors. Handing work in closes its
 *
 * assignments. Stateless.
 */
final class DeskListeners {

    private final Notifications notifications;
    private final Assignments assignments;

    DeskListeners(Notifications notifications, Assignments assignments) {
        this.notifications = notifications;
        this.assignments = assignments;
    }

    void stepTaken(Tx tx, ArticleStepTaken e) {
        switch (e.step()) {
            case SUBMIT ->
                notifications.notify(tx, editors(tx), NotificationKind.SUBMITTED, e.articleId(), e.actorId(), null);
            case RETURN_TO_DRAFT ->
                notifications.notify(
                        tx, creator(tx, e.articleId()), NotificationKind.RETURNED, e.articleId(), e.actorId(), null);
            case PUBLISH -> {
                List<Long> readers = new ArrayList<>(creator(tx, e.articleId()));
                readers.addAll(assignments.assignees(tx, e.articleId()));
                notifications.notify(tx, readers, NotificationKind.PUBLISHED, e.articleId(), e.actorId(), null);
            }
            default -> {}
        }
        assignments.handedIn(tx, e);
    }

    /** A change waiting for approval on a published article: the editors' bell rings. */
    void changeProposed(Tx tx, ArticleChangeProposed e) {
        notifications.notify(tx, editors(tx), NotificationKind.CHANGE_PROPOSED, e.articleId(), e.actorId(), null);
    }

    /** The translations this save just put behind (they were up to date with the revision before). */
    void saved(Tx tx, ArticleSaved e) {
        var behind = tx.handle()
                .createQuery("""
                        SELECT o.article_id, t.language, o.created_by FROM article_origins o
                        JOIN articles t ON t.id = o.article_id
                        WHERE o.source_article_id = :source AND o.source_revision = :previous""")
                .bind("source", e.articleId())
                .bind("previous", e.revision() - 1)
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2), Assignments.nullableLong(rs, 3)})
                .list();
        for (Object[] row : behind) {
            long translation = (Long) row[0];
            String language = (String) row[1];
            List<Long> readers = new ArrayList<>();
            if (row[2] != null) readers.add((Long) row[2]);
            readers.addAll(translatorsOf(tx, language));
            readers.addAll(assignments.translators(tx, e.translationGroupId(), language));
            notifications.notify(
                    tx, readers, NotificationKind.TRANSLATION_OUTDATED, translation, e.actorId(), language);
        }
    }

    private static List<Long> editors(Tx tx) {
        return tx.handle()
                .createQuery("SELECT id FROM users WHERE role IN ('administrator', 'editor') AND disabled_at IS NULL")
                .mapTo(Long.class)
                .list();
    }

    private static List<Long> creator(Tx tx, long articleId) {
        return tx.handle()
                .createQuery("SELECT created_by FROM article_origins WHERE article_id = :a AND created_by IS NOT NULL")
                .bind("a", articleId)
                .mapTo(Long.class)
                .list();
    }

    // A translator's languages are stored comma-separated ("ar,so").
    private static List<Long> translatorsOf(Tx tx, String language) {
        return tx.handle()
                .createQuery("SELECT id FROM users WHERE role = 'translator' AND disabled_at IS NULL"
                        + " AND (',' || languages || ',') LIKE :pattern")
                .bind("pattern", "%," + language + ",%")
                .mapTo(Long.class)
                .list();
    }
}
