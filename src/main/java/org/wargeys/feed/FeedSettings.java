package org.wargeys.feed;

import org.jdbi.v3.core.Jdbi;

/**
 * The feed setting of the site, stored in {@code site_settings}: whether feeds carry whole articles
 * or a summary (the default, so that readers come to the site). A change calls {@code changed} after it
 * commits, so that cached feeds are dropped at once. Thread-safe.
 */
public final class FeedSettings {

    static final String FULL_CONTENT = "feed.full_content";

    private final Jdbi jdbi;
    private final Runnable changed;

    public FeedSettings(Jdbi jdbi, Runnable changed) {
        this.jdbi = jdbi;
        this.changed = changed;
    }

    public boolean fullContent() {
        return jdbi.withHandle(h -> h.createQuery("SELECT value FROM site_settings WHERE key = :key")
                        .bind("key", FULL_CONTENT)
                        .mapTo(String.class)
                        .findOne())
                .map("true"::equals)
                .orElse(false);
    }

    public void setFullContent(boolean full) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM site_settings WHERE key = :key")
                    .bind("key", FULL_CONTENT)
                    .execute();
            h.createUpdate("INSERT INTO site_settings (key, value) VALUES (:key, :value)")
                    .bind("key", FULL_CONTENT)
                    .bind("value", Boolean.toString(full))
                    .execute();
        });
        changed.run();
    }
}
