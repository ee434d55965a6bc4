package org.wargeys.newsroom;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.function.LongToIntFunction;
import org.wargeys.account.Session;
import org.wargeys.platform.Language;
import org.wargeys.platform.StorageFailure;
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
    private final Clock clock;
    private final LongToIntFunction unread;

    /** @param unread a staff member's unread notifications, by user id (the bell in the header) */
    NewsroomLayouts(
            LayoutFactory layouts,
            LanguageNegotiation negotiation,
            StaticAssets assets,
            Clock clock,
            LongToIntFunction unread) {
        this.layouts = layouts;
        this.negotiation = negotiation;
        this.assets = assets;
        this.clock = clock;
        this.unread = unread;
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

    /** Messages in a given language (a notification worded for its reader). */
    Messages messages(String language) {
        return layouts.messages(language);
    }

    NewsroomLayout layout(Context ctx, String titleKey) {
        Language language = language(ctx);
        Messages messages = layouts.messages(language.code());
        Session session = ctx.attribute(StaffGate.SESSION);
        return new NewsroomLayout(
                messages.get(titleKey),
                language,
                messages,
                assets,
                session == null ? null : session.user(),
                session == null ? null : session.csrfToken(),
                languages(),
                "GET".equals(ctx.method().name()) ? ctx.path() : "/admin",
                null,
                Flash.take(ctx, messages, layouts.site().timezone(), clock.instant()),
                session == null ? null : unread(session.user().id()));
    }

    private Integer unread(long userId) {
        try {
            return unread.applyAsInt(userId);
        } catch (RuntimeException e) {
            // The database is away: the page (often the error page saying so) still renders, bell unknown.
            if (StorageFailure.of(e).isPresent()) return null;
            throw e;
        }
    }
}
