package org.wargeys.feed;

import org.wargeys.article.ArticleModule;
import org.wargeys.platform.Platform;
import org.wargeys.web.WebModule;

/** RSS and Atom feeds of each language, section and tag, and the setting of what they carry. */
public final class FeedModule {

    private final FeedSettings settings;
    private final FeedService service;

    public FeedModule(Platform platform, WebModule web, ArticleModule articles) {
        this.settings = new FeedSettings(platform.database().jdbi(), platform.transactions(), platform.audit());
        this.service = new FeedService(
                platform.site(),
                articles.service(),
                articles.archive(),
                articles.paths(),
                web.bundles(),
                settings,
                platform.clock());
    }

    public FeedSettings settings() {
        return settings;
    }

    public FeedService service() {
        return service;
    }
}
