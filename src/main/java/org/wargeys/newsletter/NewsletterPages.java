package org.wargeys.newsletter;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wargeys.article.Taxonomy;
import org.wargeys.platform.Language;
import org.wargeys.platform.Site;
import org.wargeys.platform.ValidationException;
import org.wargeys.web.Layout;
import org.wargeys.web.LayoutFactory;
import org.wargeys.web.Messages;
import org.wargeys.web.PageRenderer;

/**
 * The readers' newsletter pages, plain HTML that needs no script: {@code /LANG/newsletter} (the form,
 * and where every subscribe form posts), {@code …/thanks}, {@code …/confirm}, {@code …/preferences}
 * and {@code …/unsubscribe} (RFC 8058: a POST of {@code List-Unsubscribe=One-Click} to the link in the
 * mail's header unsubscribes at once). Pages reached by a signed link are never cached, indexed or
 * sent as a referrer.
 */
public final class NewsletterPages {

    private final Site site;
    private final Subscriptions subscriptions;
    private final Taxonomy taxonomy;
    private final LayoutFactory layouts;
    private final PageRenderer renderer;

    NewsletterPages(
            Site site, Subscriptions subscriptions, Taxonomy taxonomy, LayoutFactory layouts, PageRenderer renderer) {
        this.site = site;
        this.subscriptions = subscriptions;
        this.taxonomy = taxonomy;
        this.layouts = layouts;
        this.renderer = renderer;
    }

    public static String path(String language) {
        return "/" + language + "/newsletter";
    }

    public void show(Context ctx) {
        Language language = site.languageOrNotFound(ctx.pathParam("lang"));
        render(ctx, 200, form(language, "", java.util.Set.of(), new Subscriptions.Choice(false, false), Map.of()));
    }

    public void subscribe(Context ctx) {
        Language language = site.languageOrNotFound(ctx.pathParam("lang"));
        String email = Optional.ofNullable(ctx.formParam("email")).orElse("");
        List<String> sections = ctx.formParams("section");
        Subscriptions.Choice choice = choice(ctx, Subscriptions.Choice.ALERTS);
        try {
            subscriptions.subscribe(
                    language.code(), email, sections, choice, ctx.formParam("source"), ctx.formParam("website"));
        } catch (ValidationException e) {
            Map<String, String> errors = layouts.messages(language.code()).problems(e.problems());
            render(ctx, 400, form(language, email, new HashSet<>(sections), choice, errors));
            return;
        }
        ctx.redirect(path(language.code()) + "/thanks", HttpStatus.SEE_OTHER);
    }

    public void thanks(Context ctx) {
        Language language = site.languageOrNotFound(ctx.pathParam("lang"));
        Messages msg = layouts.messages(language.code());
        notice(ctx, 200, language, msg.get("newsletter.thanks_title"), msg.get("newsletter.thanks_text"), null, null);
    }

    public void confirm(Context ctx) {
        Language language = site.languageOrNotFound(ctx.pathParam("lang"));
        Messages msg = layouts.messages(language.code());
        String token = ctx.queryParam("token");
        Optional<Subscriber> confirmed = subscriptions.confirm(token);
        if (confirmed.isEmpty()) {
            invalid(ctx, language);
            return;
        }
        Subscriber s = confirmed.get();
        notice(
                ctx,
                200,
                language,
                msg.get("newsletter.confirmed_title"),
                msg.format(
                        "newsletter.confirmed_text."
                                + NewsletterMails.chosen(new Subscriptions.Choice(s.alerts(), s.digest())),
                        Map.of("address", s.address(), "site", site.name())),
                msg.get("newsletter.preferences_link"),
                NewsletterMails.preferencesPath(s.language(), subscriptions.manageToken(s)));
    }

    public void preferences(Context ctx) {
        Language language = site.languageOrNotFound(ctx.pathParam("lang"));
        Optional<Subscriber> s = subscriptions.manage(ctx.queryParam("token"));
        if (s.isEmpty()) {
            invalid(ctx, language);
            return;
        }
        preferencesPage(ctx, language, s.get(), false);
    }

    public void savePreferences(Context ctx) {
        Language language = site.languageOrNotFound(ctx.pathParam("lang"));
        String token = ctx.queryParam("token");
        Optional<Subscriber> current = subscriptions.manage(token);
        if (current.isEmpty()) {
            invalid(ctx, language);
            return;
        }
        Subscriptions.Choice choice = choice(
                ctx,
                new Subscriptions.Choice(current.get().alerts(), current.get().digest()));
        if (!choice.any()) {
            // Neither alerts nor the digest: the reader wants nothing more, which is unsubscribing.
            unsubscribe(ctx);
            return;
        }
        Optional<Subscriber> s = subscriptions.choose(token, ctx.formParams("section"), choice);
        if (s.isEmpty()) {
            invalid(ctx, language);
            return;
        }
        preferencesPage(ctx, language, s.get(), true);
    }

    /** Everything stored about the subscriber, as JSON (a reader's request for their data). */
    public void export(Context ctx) {
        Language language = site.languageOrNotFound(ctx.pathParam("lang"));
        Optional<Subscriber> found = subscriptions.manage(ctx.queryParam("token"));
        if (found.isEmpty()) {
            invalid(ctx, language);
            return;
        }
        Subscriber s = found.get();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        json.put("address", s.address());
        json.put("language", s.language());
        json.putPOJO("sections", s.sections());
        json.put("breaking_news_alerts", s.alerts());
        json.put("daily_digest", s.digest());
        json.put(
                "consented_at", s.consentedAt() == null ? null : s.consentedAt().toString());
        json.put("subscribed_on_page", site.absolute(s.source()));
        json.put("created_at", s.createdAt().toString());
        keepPrivate(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"newsletter-subscription.json\"");
        ctx.contentType("application/json; charset=utf-8").result(json.toPrettyString());
    }

    public void unsubscribePage(Context ctx) {
        Language language = site.languageOrNotFound(ctx.pathParam("lang"));
        String token = ctx.queryParam("token");
        Optional<Subscriber> s = subscriptions.manage(token);
        if (s.isEmpty()) {
            invalid(ctx, language);
            return;
        }
        Messages msg = layouts.messages(language.code());
        Layout layout = layout(language, msg.get("newsletter.unsubscribe_title"), null);
        keepPrivate(ctx);
        ctx.contentType(PageRenderer.HTML)
                .result(renderer.render(
                        "newsletter/unsubscribe.jte",
                        new UnsubscribePage(
                                layout,
                                NewsletterMails.unsubscribePath(language.code(), token),
                                s.get().address())));
    }

    /** RFC 8058 one-click (the mail program's POST) and the page's button: both unsubscribe at once. */
    public void unsubscribe(Context ctx) {
        Language language = site.languageOrNotFound(ctx.pathParam("lang"));
        Messages msg = layouts.messages(language.code());
        boolean done = subscriptions.unsubscribe(ctx.queryParam("token"));
        // A second click (or the mail program's retry) finds nobody: the answer is the same.
        notice(
                ctx,
                200,
                language,
                msg.get("newsletter.unsubscribed_title"),
                msg.get(done ? "newsletter.unsubscribed_text" : "newsletter.unsubscribed_already"),
                msg.get("newsletter.subscribe_again"),
                path(language.code()));
    }

    private void preferencesPage(Context ctx, Language language, Subscriber s, boolean saved) {
        Messages msg = layouts.messages(language.code());
        String token = subscriptions.manageToken(s);
        Layout layout = layout(language, msg.get("newsletter.preferences_title"), null);
        keepPrivate(ctx);
        ctx.contentType(PageRenderer.HTML)
                .result(renderer.render(
                        "newsletter/preferences.jte",
                        new PreferencesPage(
                                layout,
                                NewsletterMails.preferencesPath(language.code(), token),
                                NewsletterMails.unsubscribePath(language.code(), token),
                                "/" + language.code() + "/newsletter/export?token=" + token,
                                s.address(),
                                s.consentedAt() == null ? "" : msg.dateTime(s.consentedAt()),
                                taxonomy.sections(language.code()),
                                new HashSet<>(s.sections()),
                                s.alerts(),
                                s.digest(),
                                saved)));
    }

    /**
     * The form's two boxes. A form without the {@code choices} field is a page from before readers
     * could choose (kept by a cache or an open tab): it means what that page said ({@code otherwise}).
     */
    private static Subscriptions.Choice choice(Context ctx, Subscriptions.Choice otherwise) {
        if (ctx.formParam("choices") == null) return otherwise;
        return new Subscriptions.Choice(ctx.formParam("alerts") != null, ctx.formParam("digest") != null);
    }

    private SubscribePage form(
            Language language,
            String email,
            java.util.Set<String> chosen,
            Subscriptions.Choice choice,
            Map<String, String> errors) {
        Messages msg = layouts.messages(language.code());
        Map<String, String> versions = new java.util.LinkedHashMap<>();
        site.languages().forEach(l -> versions.put(l.code(), path(l.code())));
        Layout layout = layouts.page(
                language,
                msg.get("newsletter.title") + " – " + site.name(),
                msg.format("newsletter.description", Map.of("site", site.name())),
                path(language.code()),
                versions,
                null);
        return new SubscribePage(
                layout, email, taxonomy.sections(language.code()), chosen, choice.alerts(), choice.digest(), errors);
    }

    private void render(Context ctx, int status, SubscribePage page) {
        ctx.status(status);
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(PageRenderer.HTML).result(renderer.render("newsletter/subscribe.jte", page));
    }

    private void invalid(Context ctx, Language language) {
        Messages msg = layouts.messages(language.code());
        // 410, not 404: the site's 404 page would replace this one, which says what to do next.
        notice(
                ctx,
                410,
                language,
                msg.get("newsletter.invalid_title"),
                msg.get("newsletter.invalid_text"),
                msg.get("newsletter.subscribe_again"),
                path(language.code()));
    }

    private void notice(
            Context ctx, int status, Language language, String heading, String text, String label, String href) {
        keepPrivate(ctx);
        ctx.status(status);
        ctx.contentType(PageRenderer.HTML)
                .result(renderer.render(
                        "newsletter/notice.jte",
                        new NoticePage(layout(language, heading, null), heading, text, label, href)));
    }

    private Layout layout(Language language, String title, String path) {
        return layouts.page(language, title + " – " + site.name(), null, path, Map.of(), null)
                .notIndexed();
    }

    /** A page reached by a signed link: its address is a key, kept out of caches, indexes and referrers. */
    private static void keepPrivate(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Robots-Tag", "noindex");
        ctx.header("Referrer-Policy", "no-referrer");
    }
}
