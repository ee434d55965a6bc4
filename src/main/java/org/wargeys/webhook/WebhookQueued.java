package org.wargeys.webhook;

/** Deliveries were queued and committed: this node's worker starts on them at once. */
record WebhookQueued(long eventId) {}
