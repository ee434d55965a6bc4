package org.wargeys.pages;

/**
 * The surrogate keys public pages carry: each names one thing whose change must drop the page from
 * the page cache (and from a CDN following the purge hook).
 */
public final class PageKeys {

    private PageKeys() {}

    /** Every page that shows the article: its own page and every list or block that links it. */
    public static String article(long id) {
        return "article-" + id;
    }

    /** Pages whose translation notice or alternates list the group's translations. */
    public static String group(long translationGroupId) {
        return "group-" + translationGroupId;
    }

    /** The home page of a language (and anything else that lists the newest articles of it). */
    public static String latest(String language) {
        return "latest-" + language;
    }

    public static String section(long id) {
        return "section-" + id;
    }

    public static String tag(long id) {
        return "tag-" + id;
    }

    public static String author(long id) {
        return "author-" + id;
    }

    /**
     * Pages that print a section's, tag's or author's name without listing its articles (an article's
     * kicker and tag list, a teaser's section): dropped by a rename, not by a publish.
     */
    public static String name(String kind, long id) {
        return "name-" + kind + "-" + id;
    }

    /** Pages that print the article's share total (its own page, when the site shows social proof). */
    public static String shares(long articleId) {
        return "shares-" + articleId;
    }

    /** Pages that show the image (an article's featured image, with its alt text and caption). */
    public static String media(long id) {
        return "media-" + id;
    }

    /**
     * Every page and poll answer of a translation group's live blog, in every language (an entry posted
     * in one language may show in another, as an original or through its translation).
     */
    public static String live(long translationGroupId) {
        return "live-" + translationGroupId;
    }
}
