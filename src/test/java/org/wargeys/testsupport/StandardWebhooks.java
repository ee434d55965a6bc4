package org.wargeys.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks specification's verification, written from its reference algorithm (the
 * libraries' {@code Webhook.verify}): the three headers must be there; the timestamp within five
 * minutes of now; the secret is {@code whsec_} and Base64; one of the space-separated {@code v1,}
 * signatures must equal Base64(HMAC-SHA256(secret, id.timestamp.body)), compared in constant time.
 * Independent of the program's own signing code on purpose.
 */
public final class StandardWebhooks {

    private static final long TOLERANCE_SECONDS = 5 * 60;

    private StandardWebhooks() {}

    /** @throws AssertionError saying why the message does not verify */
    public static void verify(
            String secret, String id, String timestamp, String signatures, String body, long nowSeconds) {
        if (id == null || timestamp == null || signatures == null) throw new AssertionError("Missing required headers");
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new AssertionError("Invalid Signature Headers");
        }
        if (ts < nowSeconds - TOLERANCE_SECONDS) throw new AssertionError("Message timestamp too old");
        if (ts > nowSeconds + TOLERANCE_SECONDS) throw new AssertionError("Message timestamp too new");
        String expected = sign(secret, id, ts, body).split(",")[1];
        for (String versioned : signatures.split(" ")) {
            String[] parts = versioned.split(",");
            if (parts.length < 2 || !parts[0].equals("v1")) continue;
            if (MessageDigest.isEqual(
                    parts[1].getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
                return;
            }
        }
        throw new AssertionError("No matching signature found");
    }

    public static String sign(String secret, String id, long timestamp, String body) {
        String key = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
            byte[] digest =
                    mac.doFinal(String.format("%s.%s.%s", id, timestamp, body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
