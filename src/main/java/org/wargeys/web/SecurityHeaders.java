package org.wargeys.web;

import java.util.Map;

/**
 * The headers every response carries: no MIME sniffing, a strict referrer policy, and a content
 * security policy that lets a page load nothing from any host but this one.
 */
final class SecurityHeaders {

    public static final Map<String, String> ALL = with(null);

    private SecurityHeaders() {}

    /**
     * The headers, letting pages load images from one more origin too (the bucket or CDN that serves
     * the media files, {@code media.public_url}), or none.
     */
    static Map<String, String> with(String imageOrigin) {
        String images = imageOrigin == null ? "'self' data:" : "'self' data: " + imageOrigin;
        return Map.of(
                "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "strict-origin-when-cross-origin",
                "Content-Security-Policy",
                        "default-src 'self'; img-src " + images + "; style-src 'self'; script-src 'self'; "
                                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'",
                "X-Frame-Options", "SAMEORIGIN",
                "Permissions-Policy", "interest-cohort=(), browsing-topics=()");
    }

    /** The origin ({@code https://host[:port]}) of an address, or null for none. */
    static String origin(String url) {
        if (url == null || url.isBlank()) return null;
        java.net.URI uri = java.net.URI.create(url.strip());
        if (uri.getScheme() == null || uri.getHost() == null) return null;
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
