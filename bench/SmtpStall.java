import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.Arrays;
import java.util.Properties;
import javax.net.SocketFactory;

/**
 * Where the time of one SMTP message to GreenMail goes, with nothing of Wargeys involved (issue 16,
 * bench/newsletter.sh): GreenMail's SMTP server in this JVM, a bare Jakarta Mail (Angus) client sending
 * MESSAGES messages the size of a digest (about 4 KB of text and 9 KB of HTML) over one connection,
 * the way the site's mail worker does (isConnected, then sendMessage). Prints messages per second and
 * the median and p90 of one message.
 *
 *   java -cp TEST_CLASSPATH bench/SmtpStall.java [MESSAGES=200] [client-nodelay] [server-nodelay]
 *
 * client-nodelay: the client's socket gets TCP_NODELAY (a SocketFactory given to Angus);
 * server-nodelay: each socket GreenMail accepts gets TCP_NODELAY (what bench/newsletter.sh does).
 * Run it again under `ip route change local 127.0.0.0/8 dev lo table local proto kernel scope host
 * src 127.0.0.1 quickack 1` to see the receiver's delayed ACK taken out instead.
 */
public class SmtpStall {

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        boolean clientNoDelay = Arrays.asList(args).contains("client-nodelay");
        boolean serverNoDelay = Arrays.asList(args).contains("server-nodelay");
        boolean trace = Arrays.asList(args).contains("trace");

        SmtpServer smtp = serverNoDelay ? new NoDelaySmtpServer(0) : new SmtpServer(setup(0), new Managers());
        smtp.startService();
        smtp.waitTillRunning(10_000);
        int port = smtp.getPort();

        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(port));
        NoDelaySocketFactory sockets = new NoDelaySocketFactory(clientNoDelay);
        p.put("mail.smtp.socketFactory", sockets);
        Session session = Session.getInstance(p);
        String text = "A line of the digest's plain text, as long as a standfirst is.\n".repeat(58);
        String html = "<p>A paragraph of the digest's HTML, with a link and some markup in it.</p>\n".repeat(115);

        long[] took = new long[messages];
        Transport transport = session.getTransport("smtp");
        long start = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            long t0 = System.nanoTime();
            sockets.writes.setLength(0);
            if (!transport.isConnected()) transport.connect();
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress("news@warsoor.test"));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress("reader" + i + "@bench.test"));
            m.setSubject("Digest " + i);
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, "UTF-8");
            MimeBodyPart rich = new MimeBodyPart();
            rich.setText(html, "UTF-8", "html");
            m.setContent(new MimeMultipart("alternative", plain, rich));
            m.saveChanges();
            transport.sendMessage(m, m.getAllRecipients());
            took[i] = System.nanoTime() - t0;
            if (trace && i == messages / 2) System.out.println("the client's socket writes of one message: " + sockets.writes);
        }
        long total = System.nanoTime() - start;
        transport.close();
        smtp.stopService();
        Arrays.sort(took);
        System.out.printf(
                "%d messages, client TCP_NODELAY %s, server TCP_NODELAY %s: %.0f messages/s, median %.1f ms, p90 %.1f ms%n",
                messages,
                clientNoDelay ? "on" : "off",
                serverNoDelay ? "on" : "off",
                messages * 1e9 / total,
                took[messages / 2] / 1e6,
                took[messages * 9 / 10] / 1e6);
    }

    static ServerSetup setup(int port) {
        return new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    }

    /** GreenMail's SMTP server, each accepted socket with TCP_NODELAY. */
    static final class NoDelaySmtpServer extends SmtpServer {
        NoDelaySmtpServer(int port) {
            super(setup(port), new Managers());
        }

        @Override
        protected void handleClientSocket(Socket socket) throws SocketException {
            socket.setTcpNoDelay(true);
            super.handleClientSocket(socket);
        }
    }

    /**
     * The client's sockets (plain; with TCP_NODELAY when asked), each write to them noted: what reaches
     * the socket is what TCP may send as one segment, or hold back (Nagle) while one is unacknowledged.
     */
    static final class NoDelaySocketFactory extends SocketFactory {
        final StringBuffer writes = new StringBuffer();
        private final boolean noDelay;

        NoDelaySocketFactory(boolean noDelay) {
            this.noDelay = noDelay;
        }

        @Override
        public Socket createSocket() throws IOException {
            Socket s = new Socket() {
                @Override
                public java.io.OutputStream getOutputStream() throws IOException {
                    java.io.OutputStream out = super.getOutputStream();
                    return new java.io.FilterOutputStream(out) {
                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            String head = new String(b, off, Math.min(len, 4), java.nio.charset.StandardCharsets.US_ASCII)
                                    .replaceAll("[^A-Z.]", "");
                            writes.append(writes.length() == 0 ? "" : ", ").append(len).append(" B");
                            if (len < 64) writes.append(" (").append(head).append(')');
                            out.write(b, off, len);
                        }
                    };
                }
            };
            s.setTcpNoDelay(noDelay);
            return s;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket s = createSocket();
            s.connect(new java.net.InetSocketAddress(host, port));
            return s;
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return createSocket(host.getHostAddress(), port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort)
                throws IOException {
            return createSocket(address.getHostAddress(), port);
        }
    }
}
