package org.wargeys.translation;

import org.wargeys.article.ArticleModule;
import org.wargeys.platform.Platform;

/** Translations: the articles of a translation group seen from one of them, starting one, keeping them in step. */
public final class TranslationModule {

    private final TranslationService service;
    private final TranslationProgress progress;

    public TranslationModule(Platform platform, ArticleModule articles) {
        this.service = new TranslationService(articles.service(), articles.bodies(), platform.site());
        this.progress = new TranslationProgress(
                platform.database().jdbi(),
                platform.transactions(),
                platform.audit(),
                articles.service(),
                service,
                articles.origins(),
                articles.revisions(),
                articles.bodies());
    }

    public TranslationService service() {
        return service;
    }

    public TranslationProgress progress() {
        return progress;
    }
}
