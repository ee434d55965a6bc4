package org.wargeys.mail;

import java.util.Map;

/**
 * A message to queue, written in full: what caused it, to whom, in which language, both parts and
 * any extra headers (List-Unsubscribe ...). Immutable.
 *
 * @param kind what caused it ({@code newsletter-alert}); the send history groups by it
 * @param batchId the batch it belongs to (an alert), or null
 * @param language the message's language (its Content-Language), or null
 * @param html the HTML part, or null for plain text only
 * @param headers extra header names and values, in the order given
 */
public record OutgoingMail(
        String kind,
        Long batchId,
        String recipient,
        String language,
        String subject,
        String text,
        String html,
        Map<String, String> headers) {

    public OutgoingMail {
        headers = headers == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
        if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0)
            throw new IllegalArgumentException("A subject is one line");
    }
}
