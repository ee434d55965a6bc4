package org.wargeys.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/**
 * Optional DKIM signing, once on SQLite (it does not depend on the database): with a key configured,
 * the message GreenMail receives carries a DKIM-Signature (the configured domain and selector,
 * rsa-sha256, relaxed/relaxed) that verifies against the public key with this test's own verifier
 * (RFC 6376 canonicalization and java.security), and no longer does once a byte of the body changes;
 * half a configuration and a PKCS#1 key are refused with a clear message.
 */
class DkimIT {

    GreenMail smtp;
    TestSite site;
    KeyPair keys;
    Path keyFile;

    @BeforeEach
    void start() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        keyFile = Files.createTempFile("dkim", ".pem");
        Files.writeString(
                keyFile,
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(keys.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");
        site = TestSite.start(
                DatabaseKind.SQLITE,
                false,
                Map.of(
                        "mail.smtp.host", "127.0.0.1",
                        "mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()),
                        "mail.smtp.security", "none",
                        "mail.from", "Warsoor <news@warsoor.test>",
                        "mail.dkim.domain", "warsoor.test",
                        "mail.dkim.selector", "mail2026",
                        "mail.dkim.key", keyFile.toString()));
    }

    @AfterEach
    void stop() throws Exception {
        if (site != null) site.deleteData();
        if (smtp != null) smtp.stop();
        Files.deleteIfExists(keyFile);
    }

    @Test
    void the_message_received_carries_a_signature_that_verifies_against_the_public_key() throws Exception {
        var platform = site.wiring().platform();
        platform.transactions()
                .run(tx -> site.wiring()
                        .mail()
                        .outbox()
                        .queue(
                                tx,
                                new OutgoingMail(
                                        "mail-test",
                                        null,
                                        "reader@example.org",
                                        "so",
                                        "Warbixin: roobabka Baydhabo",
                                        "Roobku wuu da'ay.\n\nWaa  warbixin  tijaabo ah.  \n",
                                        "<!DOCTYPE html><html lang=\"so\"><body><p>Roobku wuu da'ay.</p></body></html>",
                                        Map.of("List-Id", "<so.newsletter.warsoor.test>"))));
        assertThat(smtp.waitForIncomingEmail(Duration.ofSeconds(20).toMillis(), 1))
                .isTrue();
        MimeMessage received = smtp.getReceivedMessages()[0];
        String raw = GreenMailUtil.getWholeMessage(received).replaceAll("(?<!\r)\n", "\r\n");
        Map<String, String> tags = tags(header(raw, "DKIM-Signature"));
        assertThat(tags)
                .containsEntry("d", "warsoor.test")
                .containsEntry("s", "mail2026")
                .containsEntry("a", "rsa-sha256")
                .containsEntry("c", "relaxed/relaxed");
        assertThat(tags.get("h").toLowerCase(Locale.ROOT)).contains("from", "subject", "message-id");
        assertThat(verifies(raw, keys.getPublic())).isTrue();

        int body = raw.indexOf("\r\n\r\n") + 4;
        String tampered = raw.substring(0, body) + raw.substring(body).replaceFirst("=", "-");
        assertThat(verifies(tampered, keys.getPublic())).as("a changed body").isFalse();
        String otherSubject = raw.replace("Subject: ", "Subject: Re: ");
        assertThat(verifies(otherSubject, keys.getPublic()))
                .as("a changed subject")
                .isFalse();
    }

    @Test
    void half_a_configuration_and_a_pkcs1_key_are_refused_plainly() throws Exception {
        assertThatThrownBy(() -> MailSettings.of(
                        Map.of("mail.dkim.domain", "warsoor.test", "mail.dkim.key", keyFile.toString()),
                        "Warsoor",
                        "http://localhost"))
                .hasMessageContaining("mail.dkim.selector");
        Path pkcs1 = Files.createTempFile("dkim", ".pem");
        try {
            Files.writeString(pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
            assertThatThrownBy(() -> MailSettings.of(
                            Map.of(
                                    "mail.dkim.domain",
                                    "warsoor.test",
                                    "mail.dkim.selector",
                                    "s",
                                    "mail.dkim.key",
                                    pkcs1.toString()),
                            "Warsoor",
                            "http://localhost"))
                    .hasMessageContaining("openssl pkcs8 -topk8");
        } finally {
            Files.deleteIfExists(pkcs1);
        }
    }

    // ---- A DKIM verifier of the test's own (RFC 6376, relaxed/relaxed, rsa-sha256)

    /** The header fields as received, each with its continuation lines. */
    static List<String> fields(String raw) {
        String head = raw.substring(0, raw.indexOf("\r\n\r\n") + 2);
        List<String> fields = new ArrayList<>();
        for (String line : head.split("\r\n")) {
            if (line.isEmpty()) continue;
            if ((line.startsWith(" ") || line.startsWith("\t")) && !fields.isEmpty())
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + "\r\n" + line);
            else fields.add(line);
        }
        return fields;
    }

    static String name(String field) {
        return field.substring(0, field.indexOf(':')).strip().toLowerCase(Locale.ROOT);
    }

    static String header(String raw, String name) {
        for (String f : fields(raw))
            if (name(f).equals(name.toLowerCase(Locale.ROOT))) return f.substring(f.indexOf(':') + 1);
        throw new AssertionError("No " + name + " header in:\n" + raw);
    }

    static Map<String, String> tags(String value) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String part : value.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0) continue;
            tags.put(part.substring(0, eq).strip(), part.substring(eq + 1).replaceAll("\\s", ""));
        }
        return tags;
    }

    static String relaxedHeader(String field) {
        String value = field.substring(field.indexOf(':') + 1)
                .replace("\r\n", "")
                .replaceAll("[ \t]+", " ")
                .strip();
        return name(field) + ":" + value;
    }

    static String relaxedBody(String body) {
        List<String> lines = new ArrayList<>(List.of(body.split("\r\n", -1)));
        lines.replaceAll(l -> l.replaceAll("[ \t]+", " ").replaceAll(" $", ""));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        return lines.isEmpty() ? "" : String.join("\r\n", lines) + "\r\n";
    }

    static boolean verifies(String raw, PublicKey key) throws Exception {
        int split = raw.indexOf("\r\n\r\n");
        String body = raw.substring(split + 4);
        List<String> fields = fields(raw);
        String signatureField = fields.stream()
                .filter(f -> name(f).equals("dkim-signature"))
                .findFirst()
                .orElseThrow();
        Map<String, String> tags = tags(signatureField.substring(signatureField.indexOf(':') + 1));
        byte[] bodyHash =
                MessageDigest.getInstance("SHA-256").digest(relaxedBody(body).getBytes(StandardCharsets.UTF_8));
        if (!Base64.getEncoder().encodeToString(bodyHash).equals(tags.get("bh"))) return false;
        StringBuilder signed = new StringBuilder();
        List<String> unused = new ArrayList<>(fields);
        for (String h : tags.get("h").split(":")) {
            for (int i = unused.size() - 1; i >= 0; i--) {
                if (name(unused.get(i)).equals(h.strip().toLowerCase(Locale.ROOT))) {
                    signed.append(relaxedHeader(unused.remove(i))).append("\r\n");
                    break;
                }
            }
        }
        String withoutB = signatureField.replaceAll("(^|;)(\\s*b\\s*=)[^;]*", "$1$2");
        signed.append(relaxedHeader(withoutB));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update(signed.toString().getBytes(StandardCharsets.UTF_8));
        return rsa.verify(Base64.getDecoder().decode(tags.get("b")));
    }
}
