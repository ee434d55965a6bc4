package org.wargeys.newsroom;

import org.wargeys.account.User;
import org.wargeys.platform.Language;
import org.wargeys.web.Messages;
import org.wargeys.web.StaticAssets;

/**
 * The layout model every newsroom page shares: title, UI language, strings, the signed-in staff
 * member and the CSRF token their forms carry. Immutable.
 *
 * @param user null on the sign-in page
 * @param csrf null on the sign-in page (which carries its own token)
 * @param languages the languages the newsroom can be used in
 * @param path this page's path, where the language switcher comes back to
 * @param page the page's own script and style sheet (the editor's), or null for the newsroom's script
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
        String page) {

    public String dir() {
        return language.direction().attribute();
    }

    /** The same layout for a page with a script and style sheet of its own ({@code name.js}, {@code name.css}). */
    public NewsroomLayout withScript(String file) {
        return new NewsroomLayout(title, language, messages, assets, user, csrf, languages, path, file);
    }

    /** The script the page loads. */
    public String script() {
        return assets.url(page == null ? "newsroom.js" : page);
    }

    /** The page's own style sheet, or null. */
    public String style() {
        return page == null ? null : assets.url(page.replace(".js", ".css"));
    }
}
