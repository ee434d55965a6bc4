package org.wargeys.importer;

import org.wargeys.article.ArticleModule;
import org.wargeys.media.MediaModule;
import org.wargeys.platform.Platform;

/**
 * What comes in from other systems and goes out to them: the WordPress importer, the old addresses
 * that redirect to imported articles, imported media files, and the JSON and WXR exports.
 */
public final class ImporterModule {

    private final WordPressImport wordPress;
    private final OldAddresses oldAddresses;
    private final ImportedMedia importedMedia;
    private final SiteJson siteJson;
    private final WxrExport wxr;

    public ImporterModule(Platform platform, ArticleModule articles, MediaModule media) {
        var jdbi = platform.database().jdbi();
        this.wordPress = new WordPressImport(
                platform.database(),
                articles.bodies(),
                platform.events(),
                platform.site(),
                platform.clock(),
                platform.files(),
                media.service(),
                articles.journal());
        this.oldAddresses = new OldAddresses(jdbi, articles.service(), articles.paths(), platform.site());
        this.importedMedia = new ImportedMedia(platform.files());
        this.siteJson = new SiteJson(platform.database());
        this.wxr = new WxrExport(platform.database(), platform.site(), media.service());
    }

    public WordPressImport wordPress() {
        return wordPress;
    }

    /** WordPress's old addresses (and {@code ?p=ID}) that answer with a redirect to the article. */
    public OldAddresses oldAddresses() {
        return oldAddresses;
    }

    /** {@code /media/wordpress/…}: the copied uploads folder of an imported site. */
    public ImportedMedia importedMedia() {
        return importedMedia;
    }

    public SiteJson siteJson() {
        return siteJson;
    }

    public WxrExport wxr() {
        return wxr;
    }
}
