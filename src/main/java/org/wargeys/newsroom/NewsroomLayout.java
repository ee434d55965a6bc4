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
 */
public record NewsroomLayout(
        String title,
        Language language,
        Messages messages,
        StaticAssets assets,
        User user,
        String csrf,
        java.util.List<Language> languages,
        String path) {

    public String dir() {
        return language.direction().attribute();
    }
}
