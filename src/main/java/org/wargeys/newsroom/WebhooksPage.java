package org.wargeys.newsroom;

import java.util.List;
import java.util.Map;
import org.wargeys.webhook.Delivery;
import org.wargeys.webhook.Endpoint;
import org.wargeys.webhook.EventType;

/**
 * The model of {@code newsroom/webhooks.jte}: every endpoint (paused ones said so) and the form to
 * register one; with {@code endpoint} set, that endpoint's settings, secret and delivery log.
 *
 * @param endpoint the endpoint shown, or null for the list
 * @param deliveries its latest deliveries, newest first
 */
public record WebhooksPage(
        NewsroomLayout layout,
        List<Endpoint> endpoints,
        List<EventType> events,
        Endpoint endpoint,
        List<Delivery> deliveries,
        Map<String, String> errors,
        String notice) {}
