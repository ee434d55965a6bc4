package org.wargeys.newsroom;

import org.wargeys.account.User;
import org.wargeys.article.Permissions;
import org.wargeys.platform.Language;
import org.wargeys.web.Messages;
import org.wargeys.web.StaticAssets;

/**
 * The layout model every newsroom page shares: title, UI language, strings, the signed-in staff
 * member and the CSRF token their forms carry, the confirmation of their last action and their unread
 * notifications. The menu offers only what the staff member's role may do. Immutable.
 *
 * @param user null on the sign-in page
 * @param csrf null on the sign-in page (which carries its own token)
 * @param languages the languages the newsroom can be used in
 * @param path this page's path, where the language switcher comes back to
 * @param page the page's own script and style sheet (the editor's), or null for the newsroom's script
 * @param flash the confirmation of the action just taken, worded, or null
 * @param unread the staff member's unread notifications (the bell), or null when unknown
 */
public record NewsroomLayout(
        String title,
        Language language,
        Messages messages,
        StaticAssets assets,
        User user,
        String csrf,
        java.util.List<Language> languages,
        String path,
        String page,
        String flash,
        Integer unread) {

    public String dir() {
        return language.direction().attribute();
    }

    /** The same layout for a page with a script and style sheet of its own ({@code name.js}, {@code name.css}). */
    public NewsroomLayout withScript(String file) {
        return new NewsroomLayout(title, language, messages, assets, user, csrf, languages, path, file, flash, unread);
    }

    /** The script the page loads. */
    public String script() {
        return assets.url(page == null ? "newsroom.js" : page);
    }

    /** The page's own style sheet, or null. */
    public String style() {
        return page == null ? null : assets.url(page.replace(".js", ".css"));
    }

    /** Whether the menu offers "New article" (translators translate; they do not start articles). */
    public boolean mayWrite() {
        return user != null && Permissions.mayCreate(user);
    }

    /** Whether the menu offers sections and tags, users, the audit log and settings. */
    public boolean mayManageUsers() {
        return user != null && Permissions.mayManageUsers(user);
    }

    public boolean mayManageSite() {
        return user != null && Permissions.mayManageSite(user);
    }

    public boolean isEditor() {
        return user != null && Permissions.isEditor(user);
    }
}
