package org.wargeys.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.wargeys.platform.ValidationException;

/**
 * Where webhooks may go (SSRF): http or https URLs without credentials, whose host resolves only to
 * public addresses. Loopback, private, link-local (the cloud metadata service), carrier-grade NAT,
 * unique-local, multicast and unspecified addresses are refused unless the operator allows private
 * targets ({@code webhook.allow_private_targets}). Every address a name resolves to is checked, at
 * registration and again before every delivery; deliveries do not follow redirects. The JDK keeps a
 * resolved name for 30 seconds, so the connection a moment later goes to an address checked here.
 * Thread-safe.
 */
final class Targets {

    static final int MAX_URL = 2_000;

    /** Resolves a host name; tests can stand in for DNS. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    Targets(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    Targets(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    /** The URL as a URI, if its form is acceptable. */
    static URI parse(String url) {
        if (url == null || url.isBlank()) throw ValidationException.of("url", "webhook.error.url_required");
        if (url.length() > MAX_URL)
            throw ValidationException.of("url", "webhook.error.url_too_long", Map.of("max", MAX_URL));
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw ValidationException.of("url", "webhook.error.url_invalid");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ValidationException.of("url", "webhook.error.url_scheme");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw ValidationException.of("url", "webhook.error.url_invalid");
        }
        return uri;
    }

    /** Why the target may not be called now, or empty if it may (checked before every delivery). */
    Optional<String> refusal(URI uri) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("The name " + uri.getHost() + " does not resolve");
        }
        if (allowPrivate) return Optional.empty();
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of(
                        uri.getHost() + " resolves to " + address.getHostAddress() + ", a loopback or private address");
            }
        }
        return Optional.empty();
    }

    /** At registration: the URL's form, and its addresses. */
    URI check(String url) {
        URI uri = parse(url);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw ValidationException.of("url", "webhook.error.url_unresolved", Map.of("host", uri.getHost()));
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw ValidationException.of(
                            "url", "webhook.error.url_private", Map.of("address", address.getHostAddress()));
                }
            }
        }
        return uri;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) return false;
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) return publicV4(b);
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) return false; // fc00::/7 unique local
            if (first == 0xfe && (b[1] & 0xc0) == 0xc0) return false; // fec0::/10 site local (old)
            boolean mapped = true; // ::ffff:a.b.c.d carries an IPv4 address
            for (int i = 0; i < 10; i++) mapped &= b[i] == 0;
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                return publicV4(new byte[] {b[12], b[13], b[14], b[15]});
            }
            boolean zeroPrefix = true; // ::/96 (IPv4-compatible, deprecated) and :: itself
            for (int i = 0; i < 12; i++) zeroPrefix &= b[i] == 0;
            return !zeroPrefix;
        }
        return false;
    }

    private static boolean publicV4(byte[] b) {
        int a = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (a == 0 || a == 10 || a == 127) return false; // this network, private, loopback
        if (a == 100 && second >= 64 && second <= 127) return false; // 100.64.0.0/10 carrier-grade NAT
        if (a == 169 && second == 254) return false; // link local, the metadata service
        if (a == 172 && second >= 16 && second <= 31) return false;
        if (a == 192 && second == 168) return false;
        if (a == 192 && second == 0 && (b[2] & 0xff) == 0) return false; // 192.0.0.0/24 protocol assignments
        if (a == 198 && (second == 18 || second == 19)) return false; // benchmarking
        return a < 224; // multicast and reserved above
    }
}
