package org.wargeys.mail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Talks SMTP to the configured relay with Jakarta Mail (Eclipse Angus). One sender keeps one
 * connection open across the messages of a run ({@link #close} ends it). Belongs to one thread.
 */
final class SmtpSender implements AutoCloseable {

    static final int TIMEOUT_MILLIS = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What became of one message. */
    sealed interface Outcome {
        record Sent() implements Outcome {}

        /** Refused for good (5xx). {@code addressRefused}: the server refused the recipient itself. */
        record Refused(String reply, boolean addressRefused) implements Outcome {}

        /** Not sent this time (no connection, 4xx, timeout): try again later. */
        record Failed(String reason) implements Outcome {}
    }

    /** A queued message as the worker read it. */
    record Queued(
            String recipient,
            String language,
            String subject,
            String text,
            String html,
            String headersJson,
            String messageId) {}

    private final MailSettings settings;
    private final Session session;
    private Transport transport;

    SmtpSender(MailSettings settings) {
        this.settings = settings;
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", String.valueOf(settings.port()));
        p.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
        p.put("mail.smtp.timeout", String.valueOf(TIMEOUT_MILLIS));
        p.put("mail.smtp.writetimeout", String.valueOf(TIMEOUT_MILLIS));
        p.put("mail.smtp.auth", String.valueOf(settings.user() != null));
        p.put("mail.smtp.localhost", settings.domain());
        // A message leaves in two writes (8 KB, then the rest); without TCP_NODELAY the second waits
        // for the relay to acknowledge the first, and relays delay their acknowledgements by up to
        // 40 ms: 20 messages a second per connection instead of 145 (docs/performance.md). TLS and
        // STARTTLS are layered over this socket.
        p.put("mail.smtp.socketFactory", NoDelaySockets.INSTANCE);
        p.put("mail.smtp.socketFactory.fallback", "false");
        switch (settings.security()) {
            case STARTTLS -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
                p.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                p.put("mail.smtp.ssl.enable", "true");
                p.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> {}
        }
        if (settings.trust() != null) {
            p.put("mail.smtp.ssl.trust", settings.trust());
            p.put("mail.smtp.ssl.checkserveridentity", "false");
        }
        this.session = Session.getInstance(p);
    }

    /** Plain sockets with Nagle's algorithm off. */
    static final class NoDelaySockets extends javax.net.SocketFactory {
        static final NoDelaySockets INSTANCE = new NoDelaySockets();

        @Override
        public java.net.Socket createSocket() throws IOException {
            java.net.Socket socket = new java.net.Socket();
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public java.net.Socket createSocket(String host, int port) throws IOException {
            return connected(new java.net.InetSocketAddress(host, port));
        }

        @Override
        public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort)
                throws IOException {
            java.net.Socket socket = createSocket();
            socket.bind(new java.net.InetSocketAddress(local, localPort));
            socket.connect(new java.net.InetSocketAddress(host, port), TIMEOUT_MILLIS);
            return socket;
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port) throws IOException {
            return connected(new java.net.InetSocketAddress(host, port));
        }

        @Override
        public java.net.Socket createSocket(
                java.net.InetAddress host, int port, java.net.InetAddress local, int localPort) throws IOException {
            java.net.Socket socket = createSocket();
            socket.bind(new java.net.InetSocketAddress(local, localPort));
            socket.connect(new java.net.InetSocketAddress(host, port), TIMEOUT_MILLIS);
            return socket;
        }

        private java.net.Socket connected(java.net.InetSocketAddress address) throws IOException {
            java.net.Socket socket = createSocket();
            socket.connect(address, TIMEOUT_MILLIS);
            return socket;
        }
    }

    Outcome send(Queued queued) {
        MimeMessage message;
        try {
            message = message(queued);
        } catch (MessagingException e) {
            return new Outcome.Refused("not a valid message: " + e.getMessage(), false);
        }
        try {
            if (transport == null || !transport.isConnected()) {
                close();
                transport = session.getTransport("smtp");
                transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
            }
            transport.sendMessage(message, message.getAllRecipients());
            return new Outcome.Sent();
        } catch (MessagingException e) {
            close(); // its state after a failure is unknown: the next message gets a new connection
            return classify(e);
        }
    }

    /** A 5xx reply is final; anything else (4xx, no connection, a timeout) is worth trying again. */
    static Outcome classify(MessagingException e) {
        for (Exception x = e; x != null; x = next(x)) {
            if (x instanceof SMTPAddressFailedException a && a.getReturnCode() >= 500)
                return new Outcome.Refused(reply(a.getReturnCode(), a.getMessage()), true);
            if (x instanceof SMTPSenderFailedException s && s.getReturnCode() >= 500)
                return new Outcome.Failed(reply(s.getReturnCode(), s.getMessage()));
            if (x instanceof SMTPSendFailedException s && s.getReturnCode() >= 500)
                return new Outcome.Refused(reply(s.getReturnCode(), s.getMessage()), false);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (root != e) reason += " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        return new Outcome.Failed(reason);
    }

    private static Exception next(Exception x) {
        if (x instanceof MessagingException m && m.getNextException() != null) return m.getNextException();
        return x.getCause() instanceof Exception c && c != x ? c : null;
    }

    private static String reply(int code, String message) {
        String text = message == null ? "" : message.strip();
        return text.startsWith(String.valueOf(code)) ? text : code + " " + text;
    }

    MimeMessage message(Queued queued) throws MessagingException {
        String messageId = queued.messageId();
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(settings.from());
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(queued.recipient(), true));
        message.setSubject(queued.subject(), "UTF-8");
        message.setSentDate(new Date());
        if (queued.language() != null) message.setHeader("Content-Language", queued.language());
        // Automated mail: no out-of-office replies to it (RFC 3834).
        message.setHeader("Auto-Submitted", "auto-generated");
        for (var header : headers(queued.headersJson()).entrySet())
            message.setHeader(header.getKey(), header.getValue());
        if (queued.html() == null) {
            message.setText(queued.text(), "UTF-8");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(queued.text(), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(queued.html(), "UTF-8", "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
        }
        message.saveChanges();
        return settings.dkim() == null ? message : settings.dkim().sign(message);
    }

    private static Map<String, String> headers(String json) {
        if (json == null) return Map.of();
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (transport == null) return;
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // already gone
        }
        transport = null;
    }
}
