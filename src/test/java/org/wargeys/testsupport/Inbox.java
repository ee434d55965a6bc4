package org.wargeys.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;

/** What a GreenMail server received for one address, waited for as the site's mail worker sends it. */
public final class Inbox {

    private Inbox() {}

    /** Exactly {@code count} messages to this address; waits up to 20 s for them, then fails. */
    public static List<MimeMessage> mailTo(GreenMail smtp, String address, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            List<MimeMessage> found = List.of(smtp.getReceivedMessages()).stream()
                    .filter(m -> {
                        try {
                            return m.getAllRecipients()[0].toString().equals(address);
                        } catch (MessagingException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
            if (found.size() >= count || System.nanoTime() > deadline) {
                assertThat(found).hasSize(count);
                return found;
            }
            smtp.waitForIncomingEmail(200, smtp.getReceivedMessages().length + 1);
        }
    }
}
