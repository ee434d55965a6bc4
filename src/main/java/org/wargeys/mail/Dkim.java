package org.wargeys.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimException;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;

/**
 * Optional DKIM signing (RSA-SHA256, relaxed/relaxed) of every message the site sends, with the key
 * the operator configured ({@code mail.dkim.key}, a PKCS#8 private key in PEM or DER; the selector and
 * the domain in {@code mail.dkim.selector} and {@code mail.dkim.domain}), through
 * {@code org.simplejavamail:utils-mail-dkim}. Its public half is published in DNS
 * (docs/mail.md); nothing is looked up at sending time. Thread-safe.
 */
public final class Dkim {

    private final String domain;
    private final String selector;
    private final DkimSigner signer;

    private Dkim(String domain, String selector, DkimSigner signer) {
        this.domain = domain;
        this.selector = selector;
        this.signer = signer;
    }

    /** The signer for these settings, or null when DKIM is not configured; a clear error when half is. */
    static Dkim of(String domain, String selector, String keyPath) {
        if (domain == null && selector == null && keyPath == null) return null;
        if (domain == null || selector == null || keyPath == null)
            throw new IllegalArgumentException(
                    "DKIM signing needs all three settings mail.dkim.domain, mail.dkim.selector and mail.dkim.key");
        RSAPrivateKey key = key(Path.of(keyPath));
        try {
            DkimSigner signer = new DkimSigner(domain, selector, key);
            signer.setHeaderCanonicalization(Canonicalization.RELAXED);
            signer.setBodyCanonicalization(Canonicalization.RELAXED);
            // The public key is in DNS for receivers; the site does not look it up before each message.
            signer.setCheckDomainKey(false);
            return new Dkim(domain, selector, signer);
        } catch (DkimException e) {
            throw new IllegalArgumentException("The DKIM settings are not usable: " + e.getMessage(), e);
        }
    }

    /** Reads a PKCS#8 RSA private key, PEM ({@code BEGIN PRIVATE KEY}) or DER. */
    static RSAPrivateKey key(Path path) {
        try {
            byte[] bytes = Files.readAllBytes(path);
            String text = new String(bytes, StandardCharsets.US_ASCII);
            if (text.contains("BEGIN RSA PRIVATE KEY"))
                throw new IllegalArgumentException("The DKIM key " + path
                        + " is PKCS#1; convert it: openssl pkcs8 -topk8 -nocrypt -in OLD -out NEW");
            if (text.contains("-----BEGIN PRIVATE KEY-----")) {
                String base64 = text.substring(
                                text.indexOf("-----BEGIN PRIVATE KEY-----") + 27,
                                text.indexOf("-----END PRIVATE KEY-----"))
                        .replaceAll("\\s", "");
                bytes = Base64.getDecoder().decode(base64);
            }
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(bytes));
        } catch (IOException e) {
            throw new IllegalArgumentException("The DKIM key mail.dkim.key cannot be read: " + path, e);
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            if (e instanceof IllegalArgumentException i
                    && i.getMessage() != null
                    && i.getMessage().contains("PKCS#1")) throw i;
            throw new IllegalArgumentException("The DKIM key " + path + " is not a PKCS#8 RSA private key", e);
        }
    }

    /** The message, signed when it is written out. */
    synchronized MimeMessage sign(MimeMessage message) throws MessagingException {
        return new DkimMessage(message, signer);
    }

    @Override
    public String toString() {
        return "DKIM " + selector + "._domainkey." + domain;
    }
}
