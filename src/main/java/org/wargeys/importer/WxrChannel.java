package org.wargeys.importer;

/** What a WordPress export says about the site it came from. */
record WxrChannel(
        String title, String link, String language, String wxrVersion, String baseSiteUrl, String baseBlogUrl) {}
