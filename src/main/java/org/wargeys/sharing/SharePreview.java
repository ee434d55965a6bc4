package org.wargeys.sharing;

import java.util.List;

/**
 * The model of {@code sharing/preview.jte}: the OpenGraph, Twitter card and JSON-LD tags that make a
 * shared link show a rich preview. Immutable.
 *
 * @param jsonLd the NewsArticle as JSON, already safe inside a script element
 * @param modifiedTime when the article was last saved
 * @param scriptUrl the share bar's script, loaded deferred from this site
 * @param xHandle the site's X account (twitter:site), or null
 * @param xCreator the X account of the article's author (twitter:creator), or null
 */
public record SharePreview(
        String title,
        String description,
        String url,
        String image,
        String imageType,
        int imageWidth,
        int imageHeight,
        String imageAlt,
        String siteName,
        String locale,
        List<String> localeAlternates,
        String publishedTime,
        String modifiedTime,
        String section,
        List<String> tags,
        String xHandle,
        String xCreator,
        String jsonLd,
        String scriptUrl) {

    public SharePreview {
        localeAlternates = List.copyOf(localeAlternates);
        tags = List.copyOf(tags);
    }
}
