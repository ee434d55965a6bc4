package org.wargeys.mail;

/** Messages were queued on a transaction that committed: the worker may start sending. */
record MailQueued() {}
