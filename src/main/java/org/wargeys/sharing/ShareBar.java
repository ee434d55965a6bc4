package org.wargeys.sharing;

import java.util.List;

/**
 * The model of {@code sharing/bar.jte}: the share controls of one article, labelled in the page's
 * language. Immutable.
 *
 * @param copy the Copy link control, or null when the site leaves it out
 * @param totalText the social-proof line ("Shared 42 times"), or null below the site's threshold
 */
public record ShareBar(
        long articleId,
        String language,
        String url,
        String text,
        String label,
        String shareVia,
        String shareViaIcon,
        String linkCopied,
        String copyManually,
        String beaconPath,
        List<ShareLink> links,
        ShareLink copy,
        String totalText) {

    public ShareBar {
        links = List.copyOf(links);
    }

    /** One control: the network's id, its label, the plain link that shares there and its icon (trusted SVG). */
    public record ShareLink(String network, String label, String href, String icon, boolean newWindow) {}
}
