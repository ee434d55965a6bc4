package org.wargeys.feed;

import org.jdbi.v3.core.Jdbi;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditLog;
import org.wargeys.platform.Transactions;

/**
 * The feed setting of the site, stored in {@code site_settings}: whether feeds carry whole articles
 * or a summary (the default, so that readers come to the site). A change is audited and announced
 * ({@link FeedSettingsChanged}) once it commits, so that cached feeds are dropped at once. Thread-safe.
 */
public final class FeedSettings {

    static final String FULL_CONTENT = "feed.full_content";

    private final Jdbi jdbi;
    private final Transactions transactions;
    private final AuditLog audit;

    FeedSettings(Jdbi jdbi, Transactions transactions, AuditLog audit) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.audit = audit;
    }

    public boolean fullContent() {
        return jdbi.withHandle(h -> h.createQuery("SELECT value FROM site_settings WHERE key = :key")
                        .bind("key", FULL_CONTENT)
                        .mapTo(String.class)
                        .findOne())
                .map("true"::equals)
                .orElse(false);
    }

    /** Sets whether feeds carry whole articles; nothing happens (and nothing is logged) if it already does. */
    public void setFullContent(boolean full, Actor actor) {
        if (full == fullContent()) return;
        transactions.run(tx -> {
            tx.handle()
                    .createUpdate("DELETE FROM site_settings WHERE key = :key")
                    .bind("key", FULL_CONTENT)
                    .execute();
            tx.handle()
                    .createUpdate("INSERT INTO site_settings (key, value) VALUES (:key, :value)")
                    .bind("key", FULL_CONTENT)
                    .bind("value", Boolean.toString(full))
                    .execute();
            audit.record(tx, actor, "settings.feeds", "site", full ? "full" : "summary");
            tx.announce(new FeedSettingsChanged());
        });
    }
}
