package org.wargeys.article;

import java.util.Optional;
import org.wargeys.account.Role;
import org.wargeys.account.User;

/**
 * Who may do what in the newsroom. Administrators and editors: everything on articles, and only they
 * pin an article to the top of the home page (the front page is the desk's call). Authors:
 * write, edit and submit their own articles. Translators: translate into their assigned languages,
 * edit and submit those translations. Only administrators manage users. Stateless.
 */
public final class Permissions {

    private Permissions() {}

    public static boolean isEditor(User user) {
        return user.role() == Role.ADMINISTRATOR || user.role() == Role.EDITOR;
    }

    public static boolean mayCreate(User user) {
        return user.role() != Role.TRANSLATOR;
    }

    public static boolean mayEdit(User user, Article article, Optional<ArticleOrigins.Origin> origin) {
        return switch (user.role()) {
            case ADMINISTRATOR, EDITOR -> true;
            case AUTHOR ->
                origin.map(o -> o.createdBy() != null && o.createdBy() == user.id())
                        .orElse(false);
            case TRANSLATOR ->
                origin.map(ArticleOrigins.Origin::isTranslation).orElse(false)
                        && user.languages().contains(article.language());
        };
    }

    public static boolean mayTranslateInto(User user, String language) {
        return isEditor(user)
                || (user.role() == Role.TRANSLATOR && user.languages().contains(language));
    }

    public static boolean mayTake(
            User user, WorkflowStep step, Article article, Optional<ArticleOrigins.Origin> origin) {
        if (!mayEdit(user, article, origin)) return false;
        return step == WorkflowStep.SUBMIT || isEditor(user);
    }

    public static boolean mayPin(User user) {
        return isEditor(user);
    }

    public static boolean mayCorrect(User user) {
        return isEditor(user);
    }

    /**
     * Live blogs (issue 17): staff on the article post, edit and delete its entries (whoever may edit
     * the article: editors, its author, translators on their translations).
     */
    public static boolean mayPostLive(User user, Article article, Optional<ArticleOrigins.Origin> origin) {
        return mayEdit(user, article, origin);
    }

    /** Turning an article live, closing the coverage and showing untranslated originals: the desk's call. */
    public static boolean mayRunLive(User user) {
        return isEditor(user);
    }

    public static boolean mayManageUsers(User user) {
        return user.role() == Role.ADMINISTRATOR;
    }

    /** Site settings, the search index and the page cache: the whole site, so administrators only. */
    public static boolean mayManageSite(User user) {
        return user.role() == Role.ADMINISTRATOR;
    }
}
