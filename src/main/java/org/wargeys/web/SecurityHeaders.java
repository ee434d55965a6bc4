package org.wargeys.web;

import java.util.Map;

/**
 * The headers every response carries: no MIME sniffing, a strict referrer policy, and a content
 * security policy that lets a page load nothing from any host but this one.
 */
final class SecurityHeaders {

    public static final Map<String, String> ALL = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "strict-origin-when-cross-origin",
            "Content-Security-Policy",
                    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'",
            "X-Frame-Options", "SAMEORIGIN",
            "Permissions-Policy", "interest-cohort=(), browsing-topics=()");

    private SecurityHeaders() {}
}
