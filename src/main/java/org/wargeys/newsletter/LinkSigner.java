package org.wargeys.newsletter;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Handle;

/**
 * Signs the links in readers' mail (confirm, preferences, unsubscribe) so that nothing about them is
 * stored: a token is {@code ID-EXPIRY-SIGNATURE}, the signature an HMAC-SHA256 over the purpose, the
 * subscriber, their address and the expiry, with a key made once per site (on first use) and kept in
 * {@code site_settings} (every node reads the same; backups carry it, so links survive a restore). A link stops working when its subscriber is
 * deleted or, for confirmation, when it expires. Thread-safe.
 */
final class LinkSigner {

    static final String KEY_SETTING = "newsletter.link_key";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** What a token was made for: a link for one purpose opens no other. */
    enum Purpose {
        CONFIRM,
        MANAGE
    }

    /** A token's parts, before its signature is checked against the subscriber it names. */
    record Token(long subscriberId, long expiresAt, String signature) {}

    private volatile byte[] key;

    /** @param expiresAt epoch milliseconds, or 0 for a link that does not expire */
    String sign(Handle h, Purpose purpose, long subscriberId, String address, long expiresAt) {
        return subscriberId + "-" + expiresAt + "-" + signature(h, purpose, subscriberId, address, expiresAt);
    }

    static Optional<Token> parse(String token) {
        if (token == null || token.length() > 100) return Optional.empty();
        String[] parts = token.split("-", 3);
        if (parts.length != 3) return Optional.empty();
        try {
            return Optional.of(new Token(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean valid(Handle h, Purpose purpose, Token token, String address) {
        byte[] expected = signature(h, purpose, token.subscriberId(), address, token.expiresAt())
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.signature().getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(Handle h, Purpose purpose, long id, String address, long expiresAt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(h), "HmacSHA256"));
            byte[] sum = mac.doFinal(
                    (purpose + "\n" + id + "\n" + address + "\n" + expiresAt).getBytes(StandardCharsets.UTF_8));
            return B64.encodeToString(java.util.Arrays.copyOf(sum, 18));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }

    /**
     * The site's key, made by the first use case that needs one, on its own transaction (the handle),
     * so that an empty site stays empty until someone subscribes (a restore or an import needs that).
     * Of two nodes making it at once, the second's insert does nothing and it reads the first's.
     */
    private byte[] key(Handle h) {
        byte[] k = key;
        if (k != null) return k;
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        h.createUpdate("INSERT INTO site_settings (key, value) VALUES (:key, :value) ON CONFLICT (key) DO NOTHING")
                .bind("key", KEY_SETTING)
                .bind("value", Base64.getEncoder().encodeToString(fresh))
                .execute();
        String stored = h.createQuery("SELECT value FROM site_settings WHERE key = :key")
                .bind("key", KEY_SETTING)
                .mapTo(String.class)
                .one();
        key = Base64.getDecoder().decode(stored);
        return key;
    }
}
