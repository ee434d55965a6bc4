package org.wargeys.sharing;

import java.time.Duration;
import org.wargeys.article.ArticleModule;
import org.wargeys.platform.Platform;
import org.wargeys.web.WebModule;

/**
 * Sharing: the share bar, link previews and share cards of articles, first-party share counts with
 * their beacon and totals API, and the minute-by-minute refresh of the totals printed on pages.
 */
public final class SharingModule {

    private final ShareSettings settings;
    private final SiteXAccount xAccount;
    private final ShareCounts counts;
    private final ArticleSharing sharing;
    private final ShareApi api;
    private final ShareCardPages cardPages;
    private final ShareTotalsRefresh refresh;

    public SharingModule(Platform platform, WebModule web, ArticleModule articles) {
        this.settings = ShareSettings.from(platform.config().settings());
        this.xAccount = new SiteXAccount(
                platform.database().jdbi(), platform.transactions(), platform.audit(), settings.xHandle());
        // Subscribed before the pages module's purge, so that re-rendered pages read the new account.
        platform.events().subscribe(XAccountChanged.class, event -> xAccount.forget());

        this.counts = new ShareCounts(platform.database().jdbi(), platform.clock());
        ShareCards cards = new ShareCards(articles.service(), platform.site(), platform.files());
        this.sharing = new ArticleSharing(
                platform.site(),
                articles.service(),
                articles.paths(),
                settings,
                cards,
                counts,
                web.renderer(),
                web.assets(),
                xAccount);
        this.api = new ShareApi(articles.service(), counts, settings, platform.clock());
        this.cardPages = new ShareCardPages(cards);
        this.refresh = new ShareTotalsRefresh(counts::takeRecentlyShared, settings, platform.events());
        Duration every = Duration.ofSeconds(ShareTotalsRefresh.EVERY_SECONDS);
        platform.jobs().every("Refreshing share totals", every, every, refresh::run);
    }

    /** What article pages show: the share bar, previews, shareable quotes. */
    public ArticleSharing articles() {
        return sharing;
    }

    /** The site's X account, which administrators set in the newsroom. */
    public SiteXAccount xAccount() {
        return xAccount;
    }

    public ShareCounts counts() {
        return counts;
    }

    /** {@code /api/v1/shares} and {@code /api/v1/articles/{id}/shares}. */
    public ShareApi api() {
        return api;
    }

    /** {@code /share-cards/{file}}. */
    public ShareCardPages cardPages() {
        return cardPages;
    }

    public ShareTotalsRefresh refresh() {
        return refresh;
    }
}
