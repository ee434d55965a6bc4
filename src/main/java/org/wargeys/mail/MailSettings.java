package org.wargeys.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Map;

/**
 * How this site sends mail (docs/mail.md): the SMTP relay, how the connection is protected, the
 * account, the sender and the rate. Without {@code mail.smtp.host} mail is queued but not sent.
 * Immutable.
 *
 * @param host the relay's name, or null when no relay is configured
 * @param security how the connection is protected
 * @param user the SMTP account, or null to send without signing in
 * @param password the SMTP password (only ever from the environment, {@code WARGEYS_MAIL_SMTP_PASSWORD})
 * @param trust hosts whose certificate is accepted unchecked (a relay on a private network with its own
 *     certificate; never a public relay), or null
 * @param from the sender, {@code Name <address>}
 * @param perMinute the most messages the site sends a minute, all nodes together
 * @param dkim the DKIM signer ({@code mail.dkim.*}), or null to send unsigned
 */
public record MailSettings(
        String host,
        int port,
        Security security,
        String user,
        String password,
        String trust,
        InternetAddress from,
        int perMinute,
        Dkim dkim) {

    /** How the SMTP connection is protected. */
    public enum Security {
        /** Plain connection upgraded by STARTTLS, which is required (port 587). */
        STARTTLS,
        /** TLS from the first byte (port 465). */
        TLS,
        /** No encryption: only for a relay on the same machine. */
        NONE
    }

    public static final int DEFAULT_PER_MINUTE = 600;

    public boolean configured() {
        return host != null;
    }

    /** The site's domain for Message-IDs: the sender's. */
    public String domain() {
        String address = from.getAddress();
        return address.substring(address.indexOf('@') + 1);
    }

    /** Reads and checks the {@code mail.*} settings; the site's name is the sender's by default. */
    public static MailSettings of(Map<String, String> settings, String siteName, String baseUrl) {
        String host = blank(settings.get("mail.smtp.host"));
        Security security = parseSecurity(settings.getOrDefault("mail.smtp.security", "starttls"));
        int defaultPort = switch (security) {
            case STARTTLS -> 587;
            case TLS -> 465;
            case NONE -> 25;
        };
        int port = number("mail.smtp.port", settings.get("mail.smtp.port"), defaultPort, 1, 65535);
        int perMinute =
                number("mail.rate_per_minute", settings.get("mail.rate_per_minute"), DEFAULT_PER_MINUTE, 1, 1_000_000);
        String fromText = blank(settings.get("mail.from"));
        if (fromText == null) {
            String hostName = java.net.URI.create(baseUrl).getHost();
            fromText = siteName + " <news@" + (hostName == null ? "localhost" : hostName) + ">";
        }
        InternetAddress from;
        try {
            from = new InternetAddress(fromText, true);
            if (from.getAddress().indexOf('@') < 1) throw new AddressException("no domain", fromText);
        } catch (AddressException e) {
            throw new IllegalArgumentException(
                    "The setting mail.from must be an address such as 'Warsoor <news@example.org>', not '" + fromText
                            + "'");
        }
        return new MailSettings(
                host,
                port,
                security,
                blank(settings.get("mail.smtp.user")),
                blank(settings.get("mail.smtp.password")),
                blank(settings.get("mail.smtp.ssl_trust")),
                from,
                perMinute,
                Dkim.of(
                        blank(settings.get("mail.dkim.domain")),
                        blank(settings.get("mail.dkim.selector")),
                        blank(settings.get("mail.dkim.key"))));
    }

    private static Security parseSecurity(String value) {
        try {
            return Security.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "The setting mail.smtp.security is starttls, tls or none, not '" + value + "'");
        }
    }

    private static int number(String key, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "The setting " + key + " must be a number from " + min + " to " + max + ", not '" + value + "'");
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        // Never the password: settings end up in logs.
        return "MailSettings[" + host + ":" + port + " " + security + " user=" + user + " from=" + from
                + (dkim == null ? "" : " " + dkim) + "]";
    }
}
