package org.wargeys.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.wargeys.article.ArticleListing;
import org.wargeys.article.Permissions;
import org.wargeys.feed.FeedSettings;
import org.wargeys.platform.ConfigLoader;
import org.wargeys.platform.EventBus;
import org.wargeys.platform.Language;
import org.wargeys.platform.SiteSettings;
import org.wargeys.platform.ValidationException;
import org.wargeys.search.RebuildSearchIndex;
import org.wargeys.sharing.ShareSettings;
import org.wargeys.web.EmptyPageCache;
import org.wargeys.web.PageRenderer;

/**
 * {@code /admin/settings}, administrators only. The site's own settings — name, the outlet named in
 * datelines, time zone, languages (add one with its direction, remove one without articles), share
 * networks and the X account — stored for the next start (the page says so; a value the server's
 * configuration sets is shown as pinned, not editable). Whether feeds carry whole articles or
 * summaries (at once). And the two operator actions a running site needs — rebuild the search index
 * and empty the page cache — both events, so that every node carries them out. Every change is
 * audited.
 */
public final class SettingsEditor {

    private static final Set<String> NOTICES = Set.of("saved", "rebuilding", "emptied");
    /**
     * The site's fields that take effect at the next start. The X account is not among them: it is
     * live at once ({@link org.wargeys.sharing.SiteXAccount}), set in its own form.
     */
    private static final List<String> NEXT_START_FIELDS =
            List.of(ConfigLoader.SITE_NAME, ConfigLoader.OUTLET, ConfigLoader.TIMEZONE);

    private final Newsroom n;
    private final FeedSettings feeds;
    private final org.wargeys.sharing.SiteXAccount xAccount;
    private final SiteSettings site;
    private final ArticleListing listing;
    private final EventBus events;
    private final IntSupplier indexedArticles;
    private final BooleanSupplier indexRebuilding;
    private final LongSupplier cachedPages;

    SettingsEditor(
            Newsroom newsroom,
            FeedSettings feeds,
            org.wargeys.sharing.SiteXAccount xAccount,
            SiteSettings site,
            ArticleListing listing,
            EventBus events,
            IntSupplier indexedArticles,
            BooleanSupplier indexRebuilding,
            LongSupplier cachedPages) {
        this.n = newsroom;
        this.feeds = feeds;
        this.xAccount = xAccount;
        this.site = site;
        this.listing = listing;
        this.events = events;
        this.indexedArticles = indexedArticles;
        this.indexRebuilding = indexRebuilding;
        this.cachedPages = cachedPages;
    }

    public void show(Context ctx) {
        if (refused(ctx)) return;
        String notice = ctx.queryParam("notice");
        render(ctx, 200, Map.of(), Map.of(), notice != null && NOTICES.contains(notice) ? notice : null);
    }

    /** The site's X account, named on every article page (twitter:site) and in X share links: at once. */
    public void saveSharing(Context ctx) {
        if (refused(ctx)) return;
        String typed = ctx.formParam("x_handle");
        try {
            xAccount.set(typed, n.gate().actor(ctx));
        } catch (ValidationException e) {
            render(
                    ctx,
                    400,
                    n.layouts().messages(ctx).problems(e.problems()),
                    Map.of("x_handle", typed == null ? "" : typed),
                    null);
            return;
        }
        Flash.set(ctx, n.gate(), "newsroom.settings.notice.saved");
        ctx.redirect("/admin/settings", HttpStatus.SEE_OTHER);
    }

    /** The site's name, outlet, time zone and share networks, for the next start. */
    public void saveSite(Context ctx) {
        if (refused(ctx)) return;
        Map<String, String> posted = new LinkedHashMap<>();
        Map<String, SiteSettings.Setting> all = settings();
        for (String key : NEXT_START_FIELDS) {
            String value = ctx.formParam(SiteSettings.field(key));
            if (value != null && !all.get(key).pinned()) posted.put(key, value);
        }
        if (!all.get(ConfigLoader.SHARING_NETWORKS).pinned() && ctx.formParam("networks_shown") != null) {
            List<String> chosen = new ArrayList<>();
            for (String id : ShareSettings.offered().keySet()) {
                if (ctx.formParams("networks").contains(id)) chosen.add(id);
            }
            if (chosen.isEmpty()) {
                render(
                        ctx,
                        400,
                        Map.of("sharing_networks", n.layouts().messages(ctx).get("settings.error.networks")),
                        posted,
                        null);
                return;
            }
            posted.put(ConfigLoader.SHARING_NETWORKS, String.join(",", chosen));
        }
        try {
            List<String> changed = site.save(posted, n.gate().actor(ctx));
            Flash.set(
                    ctx,
                    n.gate(),
                    changed.isEmpty() ? "newsroom.flash.settings_unchanged" : "newsroom.flash.settings_next_start");
            ctx.redirect("/admin/settings", HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            render(ctx, 400, n.layouts().messages(ctx).problems(e.problems()), posted, null);
        }
    }

    /** Adds a language (with its direction) for the next start. */
    public void addLanguage(Context ctx) {
        if (refused(ctx)) return;
        String code = String.valueOf(ctx.formParam("code")).strip().toLowerCase(java.util.Locale.ROOT);
        String direction = "rtl".equals(ctx.formParam("direction")) ? "rtl" : "ltr";
        List<String> specs = new ArrayList<>(specs(site.next(ConfigLoader.LANGUAGES)));
        if (!code.matches("[a-z]{2,3}")) {
            render(
                    ctx,
                    400,
                    Map.of(
                            "code",
                            n.layouts().messages(ctx).format("settings.error.language_code", Map.of("code", code))),
                    Map.of(),
                    null);
            return;
        }
        Language added = Language.parse(code + ":" + direction);
        specs.add(added.spec());
        try {
            site.save(
                    Map.of(ConfigLoader.LANGUAGES, String.join(",", specs)),
                    n.gate().actor(ctx));
        } catch (ValidationException e) {
            render(
                    ctx,
                    400,
                    Map.of(
                            "code",
                            String.join(
                                    " ",
                                    n.layouts()
                                            .messages(ctx)
                                            .problems(e.problems())
                                            .values())),
                    Map.of(),
                    null);
            return;
        }
        Flash.set(
                ctx,
                n.gate(),
                "newsroom.flash.language_added",
                Map.of("language", n.layouts().messages(ctx).languageName(code)));
        ctx.redirect("/admin/settings#languages", HttpStatus.SEE_OTHER);
    }

    /** Removes a language that has no articles (not the default one) for the next start. */
    public void removeLanguage(Context ctx) {
        if (refused(ctx)) return;
        String code = String.valueOf(ctx.formParam("code"));
        List<String> specs = new ArrayList<>(specs(site.next(ConfigLoader.LANGUAGES)));
        int at = -1;
        for (int i = 0; i < specs.size(); i++)
            if (Language.parse(specs.get(i)).code().equals(code)) at = i;
        if (at < 0) throw ValidationException.of("code", "settings.error.language_unknown", Map.of("code", code));
        if (at == 0) throw ValidationException.of("code", "settings.error.language_default", Map.of("code", code));
        int articles = listing.countIn(code);
        if (articles > 0) {
            throw ValidationException.of(
                    "code", "settings.error.language_in_use", Map.of("code", code, "count", articles));
        }
        specs.remove(at);
        site.save(
                Map.of(ConfigLoader.LANGUAGES, String.join(",", specs)),
                n.gate().actor(ctx));
        Flash.set(
                ctx,
                n.gate(),
                "newsroom.flash.language_removed",
                Map.of("language", n.layouts().messages(ctx).languageName(code)));
        ctx.redirect("/admin/settings#languages", HttpStatus.SEE_OTHER);
    }

    public void saveFeeds(Context ctx) {
        if (refused(ctx)) return;
        String content = ctx.formParam("feed_content");
        if (!"full".equals(content) && !"summary".equals(content)) {
            n.gate().refuse(ctx, 400, "newsroom.settings.feed_content_invalid");
            return;
        }
        feeds.setFullContent("full".equals(content), n.gate().actor(ctx));
        Flash.set(ctx, n.gate(), "newsroom.settings.notice.saved");
        ctx.redirect("/admin/settings", HttpStatus.SEE_OTHER);
    }

    public void rebuildSearchIndex(Context ctx) {
        if (refused(ctx)) return;
        n.audit().record(n.gate().actor(ctx), "search.rebuild", "site", null);
        events.publish(new RebuildSearchIndex("an administrator asked for it"));
        ctx.redirect("/admin/settings?notice=rebuilding", HttpStatus.SEE_OTHER);
    }

    public void emptyPageCache(Context ctx) {
        if (refused(ctx)) return;
        n.audit().record(n.gate().actor(ctx), "cache.empty", "site", null);
        events.publish(new EmptyPageCache());
        ctx.redirect("/admin/settings?notice=emptied", HttpStatus.SEE_OTHER);
    }

    private Map<String, SiteSettings.Setting> settings() {
        Map<String, SiteSettings.Setting> byKey = new LinkedHashMap<>();
        site.all().forEach(s -> byKey.put(s.key(), s));
        return byKey;
    }

    private void render(
            Context ctx, int status, Map<String, String> errors, Map<String, String> posted, String notice) {
        NewsroomLayout layout = n.layouts().layout(ctx, "newsroom.settings.title");
        var msg = layout.messages();
        Map<String, SiteSettings.Setting> all = settings();
        Map<String, SettingsPage.Field> fields = new LinkedHashMap<>();
        for (String key : NEXT_START_FIELDS) {
            var s = all.get(key);
            fields.put(
                    key,
                    new SettingsPage.Field(
                            SiteSettings.field(key), posted.getOrDefault(key, s.next()), s.running(), s.pinned()));
        }
        var languages = all.get(ConfigLoader.LANGUAGES);
        Set<String> runningCodes = new java.util.HashSet<>();
        specs(languages.running())
                .forEach(sp -> runningCodes.add(Language.parse(sp).code()));
        List<SettingsPage.LanguageRow> rows = new ArrayList<>();
        List<String> next = specs(languages.next());
        for (int i = 0; i < next.size(); i++) {
            Language l = Language.parse(next.get(i));
            int count = listing.countIn(l.code());
            rows.add(new SettingsPage.LanguageRow(
                    l.code(),
                    msg.languageName(l.code()),
                    l.direction().attribute(),
                    count,
                    runningCodes.contains(l.code()),
                    !languages.pinned() && i > 0 && count == 0));
        }
        var networks = all.get(ConfigLoader.SHARING_NETWORKS);
        List<String> offered = specs(networks.next());
        List<SettingsPage.Network> networkRows = new ArrayList<>();
        ShareSettings.offered()
                .forEach((id, label) -> networkRows.add(new SettingsPage.Network(id, label, offered.contains(id))));
        boolean pending = all.values().stream().anyMatch(SiteSettings.Setting::changesAtRestart);
        SettingsPage page = new SettingsPage(
                layout,
                fields,
                rows,
                languages.pinned(),
                networkRows,
                networks.pinned(),
                ZoneId.getAvailableZoneIds().stream()
                        .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
                        .sorted()
                        .toList(),
                pending,
                errors,
                feeds.fullContent(),
                posted.getOrDefault("x_handle", xAccount.stored().orElse("")),
                xAccount.handle(),
                indexedArticles.getAsInt(),
                indexRebuilding.getAsBoolean(),
                cachedPages.getAsLong(),
                notice);
        ctx.status(status).contentType(PageRenderer.HTML).result(n.renderer().render("newsroom/settings.jte", page));
    }

    private static List<String> specs(String value) {
        List<String> specs = new ArrayList<>();
        for (String s : value.split(",")) if (!s.isBlank()) specs.add(s.strip());
        return specs;
    }

    private boolean refused(Context ctx) {
        if (Permissions.mayManageSite(StaffGate.session(ctx).user())) return false;
        n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
        return true;
    }
}
