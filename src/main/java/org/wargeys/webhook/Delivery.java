package org.wargeys.webhook;

import java.time.Instant;
import java.util.List;

/**
 * One event's delivery to one endpoint, with every attempt made: the delivery log. Immutable.
 *
 * @param status pending, sending, delivered or failed (gave up after retrying for a day)
 */
public record Delivery(
        long id,
        long eventId,
        String eventType,
        long endpointId,
        String status,
        int attemptCount,
        Instant nextAttemptAt,
        Instant createdAt,
        Instant finishedAt,
        List<Attempt> attempts) {

    public Delivery {
        attempts = List.copyOf(attempts);
    }

    /** One HTTP attempt: its answer's status (null when none came), how long it took, what it said. */
    public record Attempt(
            long id, Instant attemptedAt, long durationMillis, Integer statusCode, String error, String excerpt) {
        public boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    /** The message key that names the delivery's status in the newsroom. */
    public String statusKey() {
        return switch (status) {
            case "pending" -> "newsroom.webhooks.delivery_pending";
            case "sending" -> "newsroom.webhooks.delivery_sending";
            case "delivered" -> "newsroom.webhooks.delivery_delivered";
            default -> "newsroom.webhooks.delivery_failed";
        };
    }

    /** The message id receivers see ({@code webhook-id}): the event's, the same on every retry. */
    public String messageId() {
        return "msg_" + eventId;
    }
}
