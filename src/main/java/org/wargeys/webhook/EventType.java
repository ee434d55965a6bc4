package org.wargeys.webhook;

import java.util.Locale;
import java.util.Optional;

/** What an endpoint may subscribe to. Codes are {@code resource.action}, as Standard Webhooks suggests. */
public enum EventType {
    ARTICLE_PUBLISHED("article", "published"),
    ARTICLE_UPDATED("article", "updated"),
    ARTICLE_UNPUBLISHED("article", "unpublished"),
    /** A translation went live: an article whose translation group has another article in another language. */
    TRANSLATION_PUBLISHED("translation", "published"),
    CORRECTION_ADDED("correction", "added"),
    /** Queued by live blogs through {@link WebhookOutbox#queue} once they land; nothing queues it yet. */
    LIVE_ENTRY_POSTED("live_entry", "posted");

    private final String code;

    EventType(String resource, String action) {
        this.code = resource + "." + action;
    }

    public String code() {
        return code;
    }

    /** The message key of its description in the newsroom. */
    public String messageKey() {
        return "newsroom.webhooks.event." + name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EventType> of(String code) {
        for (EventType t : values()) {
            if (t.code.equals(code)) return Optional.of(t);
        }
        return Optional.empty();
    }
}
