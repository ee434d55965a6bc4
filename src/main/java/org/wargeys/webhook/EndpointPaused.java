package org.wargeys.webhook;

/**
 * An endpoint was paused after failing for a day (announced after the commit): what tells its owner.
 * Today the audit log and the webhooks page do; the desk's notifications and mail can listen here.
 */
public record EndpointPaused(long endpointId, Long ownerId, String ownerEmail, String url) {}
