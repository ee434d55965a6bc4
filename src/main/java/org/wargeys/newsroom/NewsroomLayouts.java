package org.wargeys.newsroom;

import io.javalin.http.Context;
import org.wargeys.account.Session;
import org.wargeys.platform.Language;
import org.wargeys.web.LanguageNegotiation;
import org.wargeys.web.LayoutFactory;
import org.wargeys.web.Messages;
import org.wargeys.web.StaticAssets;

/**
 * Builds the {@link NewsroomLayout} of a newsroom request. The newsroom speaks the language the staff member
 * chose (a cookie under /admin), else their browser's (Accept-Language), among the site's languages.
 * Thread-safe.
 */
final class NewsroomLayouts {

    static final String UI_COOKIE = "wargeys_ui";

    private final LayoutFactory layouts;
    private final LanguageNegotiation negotiation;
    private final StaticAssets assets;

    public NewsroomLayouts(LayoutFactory layouts, LanguageNegotiation negotiation, StaticAssets assets) {
        this.layouts = layouts;
        this.negotiation = negotiation;
        this.assets = assets;
    }

    /** The language the staff member chose in the newsroom (a cookie under /admin), else their browser's. */
    Language language(Context ctx) {
        String chosen = ctx.cookie(UI_COOKIE);
        if (chosen != null) {
            var language = layouts.site().language(chosen);
            if (language.isPresent()) return language.get();
        }
        return negotiation.preferred(ctx.header("Accept-Language"));
    }

    java.util.List<Language> languages() {
        return layouts.site().languages();
    }

    Messages messages(Context ctx) {
        return layouts.messages(language(ctx).code());
    }

    NewsroomLayout layout(Context ctx, String titleKey) {
        Language language = language(ctx);
        Messages messages = layouts.messages(language.code());
        Session session = ctx.attribute("wargeys.session");
        return new NewsroomLayout(
                messages.get(titleKey),
                language,
                messages,
                assets,
                session == null ? null : session.user(),
                session == null ? null : session.csrfToken(),
                languages(),
                "GET".equals(ctx.method().name()) ? ctx.path() : "/admin/articles",
                null);
    }
}
